/**
 * Sizing by speed (issue 13): the serving estimate of a served LLM on each instance that holds it,
 * and the configuration that meets memory AND speed at the lowest cost — fewer, bigger GPUs or more
 * replicas. Pure: the figures come from lib/gpu/performance (datasheets) and lib/sizing/throughput
 * (the roofline), never from here.
 */
import { formFactorOf, gpuPerf, type ComputePrecision } from "@/lib/gpu/performance";
import { DEFAULT_TARGET_TOKENS_PER_S, DEFAULT_TARGET_TTFT_MS, estimateThroughput, FAST_TARGET, kvBytesPerToken, SizingInputError, type Architecture, type ThroughputEstimate } from "@/lib/sizing";
import { WEIGHT_BYTES, type Precision } from "@/lib/sizing/types";
import type { Performance, Sizing } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";
import { payingHourly } from "./spot-prices";
import type { FittedInstance } from "./types";

/** Request sizes assumed when the user gives none (a chat turn with some context; stated). */
export const DEFAULT_PROMPT_TOKENS = 1000;
export const DEFAULT_OUTPUT_TOKENS = 250;

export interface ServingInput {
  spec: WorkloadSpec;
  arch: Architecture;
  precision: Precision;
  sizing: Sizing;
  /** "Fast" said without numbers. */
  fast?: boolean;
}

export interface ServingEstimate {
  estimate: ThroughputEstimate;
  /** Instances needed for the load (each holds layout.replicas model replicas). */
  instances: number;
  /** Hourly cost of them all at the price paid (spot when allowed and offered). */
  hourly: number;
  gpu: string;
  formFactorNote: string | null;
  target: { tokens_per_s: number; ttft_ms: number };
}

const computePrecision = (p: Precision): ComputePrecision => (p === "fp8" ? "fp8" : p === "int8" ? "int8" : "bf16");

/** The target the user set ("30 tokens/s each", "TTFT under 500 ms", "fast"), else null (the estimator's default). */
export function serviceTarget(spec: WorkloadSpec, fast?: boolean): { tokens_per_s?: number; ttft_ms?: number } {
  return {
    tokens_per_s: spec.target_tokens_per_s ?? (fast ? FAST_TARGET.tokens_per_s : undefined),
    ttft_ms: spec.target_ttft_ms ?? (fast ? FAST_TARGET.ttft_ms : undefined),
  };
}

/** The serving estimate on one instance; null when the GPU lacks datasheet figures or the instance is a GPU slice. */
export function servingOn(input: ServingInput, x: FittedInstance): ServingEstimate | null {
  const { instance: row, layout } = x;
  if (!row.gpu_model || row.gpu_slice || !(row.gpu_count >= 1) || !layout.fits || layout.gpus_per_replica < 1) return null;
  const ff = formFactorOf(row.instance_type, row.provider, row.gpu_model);
  const perf = gpuPerf(row.gpu_model, ff.form_factor);
  if (!perf) return null;
  const { spec, arch, precision, sizing } = input;
  const replicasPerInstance = Math.max(1, layout.replicas);
  const spotOk = !!spec.spot_ok;
  const instanceHourly = payingHourly(row, spotOk);
  const perReplica = row.price_per_hour_usd / replicasPerInstance;
  const spot = row.spot_price_per_hour_usd;
  // KV room of one replica: its usable memory minus everything the sizing holds but the KV cache.
  const nonKv = sizing.memory_gb_required - (sizing.breakdown.kv_cache ?? 0);
  const kvRoom = layout.usable * layout.gpus_per_replica - nonKv;
  const target = serviceTarget(spec, input.fast);
  const load = spec.requests_per_second ? { requests_per_s: spec.requests_per_second } : { concurrency: spec.concurrency ?? 1 };
  let estimate: ThroughputEstimate;
  try {
    estimate = estimateThroughput({
      params_b: arch.params_b,
      active_params_b: arch.active_params_b,
      bytes_per_param: WEIGHT_BYTES[precision],
      kv_bytes_per_token: kvBytesPerToken(arch, 2),
      avg_prompt_tokens: spec.avg_prompt_tokens ?? DEFAULT_PROMPT_TOKENS,
      avg_output_tokens: spec.avg_output_tokens ?? DEFAULT_OUTPUT_TOKENS,
      ...load,
      gpu: perf,
      gpus_per_replica: layout.gpus_per_replica,
      compute_precision: computePrecision(precision),
      hourly_price_usd: perReplica,
      hourly_spot_price_usd: spot !== null && spot > 0 ? spot / replicasPerInstance : null,
      target_tokens_per_s_per_sequence: target.tokens_per_s,
      target_ttft_ms: target.ttft_ms,
      ...(kvRoom > 0 ? { kv_cache_gb_per_replica: kvRoom } : { max_sequences_per_replica: 1 }),
      ...(spec.budget_monthly_usd ? { max_hourly_budget_usd: spec.budget_monthly_usd / HOURS_PER_MONTH } : {}),
    });
  } catch (e) {
    if (e instanceof SizingInputError) return null;
    throw e;
  }
  const instances = Math.max(1, Math.ceil(estimate.replicas_needed / replicasPerInstance));
  return {
    estimate,
    instances,
    hourly: instanceHourly * instances,
    gpu: `${perf.gpu} ${perf.form_factor}`,
    formFactorNote: ff.assumed ? ff.reason : null,
    target: { tokens_per_s: target.tokens_per_s ?? DEFAULT_TARGET_TOKENS_PER_S, ttft_ms: target.ttft_ms ?? DEFAULT_TARGET_TTFT_MS },
  };
}

/** Whether the GPU can meet the per-sequence target at all (more replicas cannot fix latency). */
const meets = (s: ServingEstimate) => s.estimate.binding_constraint !== "latency";

/**
 * The instances ranked for the load: those that meet the speed target first, then by the cost of
 * all the instances the load needs (spot where allowed); each carries instance_count when the load
 * needs several. Instances without figures keep their order after those with them. Stable.
 */
export function rankForLoad(input: ServingInput, fitted: FittedInstance[]): { ranked: FittedInstance[]; estimates: (ServingEstimate | null)[] } {
  const rows = fitted.map((x, i) => ({ x, i, s: servingOn(input, x) }));
  rows.sort((a, b) => {
    if (!a.s || !b.s) return Number(!a.s) - Number(!b.s) || a.i - b.i;
    return Number(!meets(a.s)) - Number(!meets(b.s)) || a.s.hourly - b.s.hourly || a.i - b.i;
  });
  return {
    ranked: rows.map(({ x, s }) => (s && s.instances > 1 ? { ...x, instance: { ...x.instance, instance_count: s.instances } } : x)),
    estimates: rows.map((r) => r.s),
  };
}

const r = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** The plan's performance block for the chosen instance. */
export function toPerformance(s: ServingEstimate): Performance {
  const e = s.estimate;
  const assumptions = [...e.assumptions];
  if (s.formFactorNote) assumptions.push(s.formFactorNote);
  return {
    prefill_tokens_per_s: r(e.prefill_tokens_per_s, 0),
    decode_tokens_per_s_per_sequence: r(e.decode_tokens_per_s_per_sequence),
    aggregate_tokens_per_s: r(e.aggregate_tokens_per_s, 0),
    ttft_ms: r(e.ttft_ms, 0),
    replicas_needed: e.replicas_needed,
    cost_per_million_output_tokens_usd: r(e.cost_per_million_output_tokens_usd, 2),
    cost_per_million_output_tokens_spot_usd: e.cost_per_million_output_tokens_spot_usd === null ? null : r(e.cost_per_million_output_tokens_spot_usd, 2),
    binding_constraint: e.binding_constraint,
    assumptions,
    gpu: s.gpu,
    batch_per_replica: e.batch_per_replica,
    target_tokens_per_s_per_sequence: s.target.tokens_per_s,
    target_ttft_ms: s.target.ttft_ms,
    meets_target: meets(s),
  };
}
