/**
 * LLM serving speed from a roofline model: how fast one replica prefills and decodes, how many
 * sequences it serves at a per-sequence speed target, how many replicas a load needs and what a
 * million output tokens cost. Pure: numbers in, numbers and the assumptions used out.
 *
 * Model (N = active parameters, W = weight bytes read per step, KV = KV-cache bytes of one sequence):
 *  - Prefill is compute-bound: 2·N FLOPs per prompt token at PREFILL_MFU of the dense peak.
 *  - A decode step of B sequences takes max(compute: B·2·N / F, memory: (W(B) + B·KV) / BW), where
 *    F = peak × PREFILL_MFU and BW = peak bandwidth × DECODE_BANDWIDTH_EFFICIENCY. MoE: W(1) is the
 *    active experts only; W(B) = min(all weights, B × active weights) (distinct experts touched, no overlap
 *    assumed: errs towards more bytes).
 *  - Aggregate output tokens/s at batch B = 1 / (step(B)/B + prefill seconds per output token): the
 *    replica's time is shared between decoding and prefilling new requests. Never above either
 *    roofline: F / (2·N) and B·BW / (W_active + B·KV).
 *  - Tensor parallel over g GPUs: F and BW scale by g × TP_EFFICIENCY[interconnect].
 *  - Replicas = ceil(load / per-replica capacity at the target speed); cost per million output tokens
 *    = hourly price × replicas / (aggregate tokens/s × 3600) × 1e6.
 */
import type { ComputePrecision, GpuPerfRow, Interconnect } from "@/lib/gpu/performance";
import { SizingInputError } from "./types";

/**
 * Fraction of the dense peak that prefill (large GEMMs) and the decode compute roofline reach.
 * Assumption, not a fitted value: 0.5. For scale, llama.cpp's pp512 of Llama 7B F16 on an RTX 4090
 * (11,048 t/s, ggml-org/llama.cpp PR #4766) is 149 TFLOPS = 45% of its FP16-accumulate peak.
 */
export const PREFILL_MFU = 0.5;

/**
 * Fraction of peak memory bandwidth a decode step reaches: 0.75, a round value inside the range of
 * published single-stream measurements (llama.cpp PR #4766, RTX 4090: Llama 7B F16 61.0 t/s = 82% of
 * the 74.8 t/s bound, Q8_0 98.1 t/s = 70%; mlc-ai/llm-perf-bench PR #1, RTX 4090 4-bit 7B: 66%).
 */
export const DECODE_BANDWIDTH_EFFICIENCY = 0.75;

/**
 * Scaling efficiency of tensor parallelism per interconnect (assumption): two all-reduces of the
 * activations per layer cost little on NVLink / Infinity Fabric (600–1,800 GB/s), more on PCIe (32–128 GB/s).
 */
export const TP_EFFICIENCY: Readonly<Record<Interconnect, number>> = { NVLink: 0.9, InfinityFabric: 0.9, PCIe: 0.7 };

/** Default service target: ≥ 10 output tokens/s per sequence (faster than reading speed), TTFT ≤ 2 s. */
export const DEFAULT_TARGET_TOKENS_PER_S = 10;
export const DEFAULT_TARGET_TTFT_MS = 2000;
/** What "fast" / "real-time" means when no number is given: three times the default speed, TTFT within 1 s (an assumption, stated in plans). */
export const FAST_TARGET = { tokens_per_s: 30, ttft_ms: 1000 } as const;

const MAX_BATCH = 1_000_000;

export type BindingConstraint = "memory" | "throughput" | "latency" | "budget";

/** The device figures the roofline reads (a GpuPerfRow satisfies it). */
export type DevicePerf = Pick<
  GpuPerfRow,
  "gpu" | "dense_bf16_tflops" | "dense_fp8_tflops" | "dense_int8_tops" | "fp32_tflops" | "memory_bandwidth_tbs" | "interconnect"
>;

export interface ThroughputInput {
  /** Total parameters, billions (MoE: all experts). */
  params_b: number;
  /** Parameters used per token, billions (MoE); default params_b. */
  active_params_b?: number;
  /** Weight bytes per parameter at the serving precision (2 bf16, 1 fp8/int8, 0.52 int4). */
  bytes_per_param: number;
  /** KV-cache bytes per token of one sequence (kvBytesPerToken in architectures.ts). */
  kv_bytes_per_token: number;
  avg_prompt_tokens: number;
  avg_output_tokens: number;
  /** The load: concurrent sequences OR requests per second (exactly one). */
  concurrency?: number;
  requests_per_s?: number;
  gpu: DevicePerf;
  /** GPUs per replica (tensor parallel size); default 1. */
  gpus_per_replica?: number;
  /** Precision the matmuls run at (fp8 / int8 only on cards with that tensor path); default bf16. */
  compute_precision?: ComputePrecision;
  /** Price of one replica (its gpus_per_replica GPUs) per hour, USD. */
  hourly_price_usd: number;
  hourly_spot_price_usd?: number | null;
  target_tokens_per_s_per_sequence?: number;
  target_ttft_ms?: number;
  /** Most sequences one replica holds in memory (from the memory sizing); no cap when absent. */
  max_sequences_per_replica?: number;
  /**
   * GB (10^9 B) of one replica's memory left for the KV cache (usable memory of its GPUs − weights −
   * activations − overhead, from the memory sizing). Caps the batch at
   * floor(GB / (kv_bytes_per_token × (prompt + output tokens))); with max_sequences_per_replica, the smaller wins.
   */
  kv_cache_gb_per_replica?: number;
  /** Hourly budget for the whole deployment, USD. */
  max_hourly_budget_usd?: number;
}

export interface ThroughputEstimate {
  prefill_tokens_per_s: number;
  decode_tokens_per_s_per_sequence: number;
  aggregate_tokens_per_s: number;
  ttft_ms: number;
  replicas_needed: number;
  cost_per_million_output_tokens_usd: number;
  cost_per_million_output_tokens_spot_usd: number | null;
  binding_constraint: BindingConstraint;
  /** Sequences one replica serves at the target speed, and its output tokens/s there. */
  batch_per_replica: number;
  per_replica_capacity_tokens_per_s: number;
  assumptions: string[];
}

export class ThroughputInputError extends SizingInputError {
  constructor(message: string) {
    super(message);
    this.name = "ThroughputInputError";
  }
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function need(ok: boolean, message: string): void {
  if (!ok) throw new ThroughputInputError(message);
}

function peakOf(gpu: DevicePerf, precision: ComputePrecision): { tflops: number; used: string } {
  if (precision === "fp8" && finite(gpu.dense_fp8_tflops) && gpu.dense_fp8_tflops > 0) return { tflops: gpu.dense_fp8_tflops, used: "dense FP8 peak" };
  if (precision === "int8" && finite(gpu.dense_int8_tops) && gpu.dense_int8_tops > 0) return { tflops: gpu.dense_int8_tops, used: "dense INT8 peak" };
  if (finite(gpu.dense_bf16_tflops) && gpu.dense_bf16_tflops > 0) {
    return { tflops: gpu.dense_bf16_tflops, used: precision === "bf16" ? "dense 16-bit peak" : `dense 16-bit peak (no ${precision} tensor path)` };
  }
  if (finite(gpu.fp32_tflops) && gpu.fp32_tflops > 0) return { tflops: gpu.fp32_tflops, used: "FP32 peak (no fast 16-bit path)" };
  throw new ThroughputInputError(`No compute peak is known for ${gpu.gpu}: prefill speed cannot be estimated.`);
}

/** Effective per-replica figures, in base units (FLOP/s, B/s, params, bytes, s). */
export interface ReplicaModel {
  flops: number;
  bandwidth: number;
  activeParams: number;
  weightsActiveBytes: number;
  weightsTotalBytes: number;
  kvSeqBytes: number;
  /** Prefill seconds per output token (the prompt's prefill spread over the request's output). */
  prefillPerOutput: number;
  promptTokens: number;
}

export function replicaModel(input: ThroughputInput): { model: ReplicaModel; assumptions: string[] } {
  validate(input);
  const g = input.gpus_per_replica ?? 1;
  const precision = input.compute_precision ?? "bf16";
  const peak = peakOf(input.gpu, precision);
  const tp = g > 1 ? TP_EFFICIENCY[input.gpu.interconnect] : 1;
  const bw = input.gpu.memory_bandwidth_tbs as number;
  const activeB = input.active_params_b ?? input.params_b;
  const flops = g * peak.tflops * 1e12 * PREFILL_MFU * tp;
  const bandwidth = g * bw * 1e12 * DECODE_BANDWIDTH_EFFICIENCY * tp;
  const avgContext = input.avg_prompt_tokens + input.avg_output_tokens / 2;
  const model: ReplicaModel = {
    flops,
    bandwidth,
    activeParams: activeB * 1e9,
    weightsActiveBytes: activeB * 1e9 * input.bytes_per_param,
    weightsTotalBytes: input.params_b * 1e9 * input.bytes_per_param,
    kvSeqBytes: input.kv_bytes_per_token * avgContext,
    prefillPerOutput: (input.avg_prompt_tokens * 2 * activeB * 1e9) / flops / input.avg_output_tokens,
    promptTokens: input.avg_prompt_tokens,
  };
  const assumptions = [
    `Compute: ${g} × ${input.gpu.gpu} ${peak.used} ${peak.tflops} TFLOPS × ${PREFILL_MFU} efficiency${g > 1 ? ` × ${tp} tensor-parallel efficiency (${input.gpu.interconnect})` : ""}; 2 FLOPs per active parameter per token (attention FLOPs not counted).`,
    `Memory: ${g} × ${bw} TB/s × ${DECODE_BANDWIDTH_EFFICIENCY} bandwidth efficiency${g > 1 ? ` × ${tp}` : ""}; each decode step reads the active weights (${input.bytes_per_param} B/param) plus each sequence's KV cache at its average length (${Math.round(avgContext)} tokens).`,
    ...(activeB < input.params_b
      ? [`MoE: one sequence reads ${activeB}B active of ${input.params_b}B parameters per step; a batch of B reads min(all, B × active) (no expert overlap assumed).`]
      : []),
    `Prefill time is shared with decoding: each request's ${input.avg_prompt_tokens}-token prompt is spread over its ${input.avg_output_tokens} output tokens; TTFT is one prompt's prefill without queueing.`,
  ];
  return { model, assumptions };
}

/** Seconds of one decode step of `batch` sequences. */
function stepSeconds(m: ReplicaModel, batch: number): number {
  const compute = (batch * 2 * m.activeParams) / m.flops;
  const bytes = Math.min(m.weightsTotalBytes, batch * m.weightsActiveBytes) + batch * m.kvSeqBytes;
  return Math.max(compute, bytes / m.bandwidth);
}

/** Both rooflines and the aggregate output tokens/s of one replica at `batch` sequences. */
export function rooflines(m: ReplicaModel, batch: number): { compute: number; bandwidth: number; aggregate: number } {
  const compute = m.flops / (2 * m.activeParams);
  const bandwidth = (batch * m.bandwidth) / (m.weightsActiveBytes + batch * m.kvSeqBytes);
  const aggregate = 1 / (stepSeconds(m, batch) / batch + m.prefillPerOutput);
  return { compute, bandwidth, aggregate };
}

/** Output tokens/s one sequence sees in a batch of `batch` (decode steps plus interleaved prefills). */
function perSequence(m: ReplicaModel, batch: number): number {
  return rooflines(m, batch).aggregate / batch;
}

/** Largest batch in [1, cap] whose per-sequence speed meets `target` (1 if even one sequence misses it). */
function maxBatchAtTarget(m: ReplicaModel, target: number, cap: number): number {
  if (perSequence(m, 1) < target) return 1;
  let lo = 1;
  let hi = Math.max(1, Math.floor(cap));
  if (perSequence(m, hi) >= target) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (perSequence(m, mid) >= target) lo = mid;
    else hi = mid;
  }
  return lo;
}

function validate(i: ThroughputInput): void {
  need(finite(i.params_b) && i.params_b > 0, "params_b must be a positive number.");
  need(i.active_params_b === undefined || (finite(i.active_params_b) && i.active_params_b > 0 && i.active_params_b <= i.params_b), "active_params_b must be positive and at most params_b.");
  need(finite(i.bytes_per_param) && i.bytes_per_param > 0, "bytes_per_param must be positive.");
  need(finite(i.kv_bytes_per_token) && i.kv_bytes_per_token >= 0, "kv_bytes_per_token must be ≥ 0.");
  need(finite(i.avg_prompt_tokens) && i.avg_prompt_tokens >= 0, "avg_prompt_tokens must be ≥ 0.");
  need(finite(i.avg_output_tokens) && i.avg_output_tokens >= 1, "avg_output_tokens must be ≥ 1.");
  const hasC = i.concurrency !== undefined;
  const hasR = i.requests_per_s !== undefined;
  need(hasC !== hasR, "Give the load as exactly one of concurrency or requests_per_s.");
  need(!hasC || (finite(i.concurrency) && i.concurrency >= 1), "concurrency must be ≥ 1.");
  need(!hasR || (finite(i.requests_per_s) && i.requests_per_s > 0), "requests_per_s must be positive.");
  const g = i.gpus_per_replica ?? 1;
  need(Number.isInteger(g) && g >= 1, "gpus_per_replica must be a whole number ≥ 1.");
  need(finite(i.gpu?.memory_bandwidth_tbs) && i.gpu.memory_bandwidth_tbs > 0, `No memory bandwidth is known for ${i.gpu?.gpu ?? "this GPU"}.`);
  need(finite(i.hourly_price_usd) && i.hourly_price_usd >= 0, "hourly_price_usd must be ≥ 0.");
  need(i.hourly_spot_price_usd == null || (finite(i.hourly_spot_price_usd) && i.hourly_spot_price_usd >= 0), "hourly_spot_price_usd must be ≥ 0.");
  need(i.target_tokens_per_s_per_sequence === undefined || (finite(i.target_tokens_per_s_per_sequence) && i.target_tokens_per_s_per_sequence > 0), "target_tokens_per_s_per_sequence must be positive.");
  need(i.target_ttft_ms === undefined || (finite(i.target_ttft_ms) && i.target_ttft_ms > 0), "target_ttft_ms must be positive.");
  need(i.max_sequences_per_replica === undefined || (finite(i.max_sequences_per_replica) && i.max_sequences_per_replica >= 1), "max_sequences_per_replica must be ≥ 1.");
  need(i.kv_cache_gb_per_replica === undefined || (finite(i.kv_cache_gb_per_replica) && i.kv_cache_gb_per_replica >= 0), "kv_cache_gb_per_replica must be ≥ 0.");
  need(i.max_hourly_budget_usd === undefined || (finite(i.max_hourly_budget_usd) && i.max_hourly_budget_usd >= 0), "max_hourly_budget_usd must be ≥ 0.");
}

/** Sequences one replica holds in memory (MAX_BATCH when nothing caps it); at least 1. */
function memoryCap(i: ThroughputInput): number {
  let cap = i.max_sequences_per_replica ?? MAX_BATCH;
  const perSeq = i.kv_bytes_per_token * (i.avg_prompt_tokens + i.avg_output_tokens);
  if (i.kv_cache_gb_per_replica !== undefined && perSeq > 0) cap = Math.min(cap, (i.kv_cache_gb_per_replica * 1e9) / perSeq);
  return Math.max(1, Math.floor(Math.min(cap, MAX_BATCH)));
}

const costPerMillion = (hourly: number, replicas: number, tokensPerS: number): number =>
  ((hourly * replicas) / (tokensPerS * 3600)) * 1e6;

/** Serving speed, replicas and cost of an LLM on one GPU type (see the module comment). */
export function estimateThroughput(input: ThroughputInput): ThroughputEstimate {
  const { model: m, assumptions } = replicaModel(input);
  const target = input.target_tokens_per_s_per_sequence ?? DEFAULT_TARGET_TOKENS_PER_S;
  const targetTtft = input.target_ttft_ms ?? DEFAULT_TARGET_TTFT_MS;

  const prefill = m.flops / (2 * m.activeParams);
  const ttftMs = (m.promptTokens / prefill) * 1000;
  const decodeSingle = 1 / stepSeconds(m, 1);

  const memCap = memoryCap(input);
  const unconstrained = maxBatchAtTarget(m, target, MAX_BATCH);
  const batch = Math.min(unconstrained, memCap);
  const capacity = rooflines(m, batch).aggregate;

  const latencyMiss = perSequence(m, 1) < target || ttftMs > targetTtft;
  let replicas: number;
  let aggregate: number;
  if (input.concurrency !== undefined) {
    replicas = Math.max(1, Math.ceil(input.concurrency / batch - 1e-9));
    // The load spread evenly: each replica serves concurrency / replicas (≤ batch) sequences.
    aggregate = replicas * rooflines(m, input.concurrency / replicas).aggregate;
  } else {
    const load = (input.requests_per_s as number) * input.avg_output_tokens;
    replicas = Math.max(1, Math.ceil(load / capacity - 1e-9));
    aggregate = load;
  }

  const hourly = input.hourly_price_usd;
  let binding: BindingConstraint = unconstrained > batch ? "memory" : "throughput";
  if (input.max_hourly_budget_usd !== undefined && hourly * replicas > input.max_hourly_budget_usd + 1e-9) binding = "budget";
  if (latencyMiss) binding = "latency";

  const spot = input.hourly_spot_price_usd;
  const notes = [
    ...assumptions,
    `Target: ≥ ${target} output tokens/s per sequence, TTFT ≤ ${targetTtft} ms; one replica serves ${batch} sequence${batch === 1 ? "" : "s"} at that speed (${Math.round(capacity)} output tokens/s).`,
  ];
  if (latencyMiss) notes.push(`The target cannot be met on ${input.gpu.gpu} × ${input.gpus_per_replica ?? 1} even with one sequence (${decodeSingle.toFixed(1)} tokens/s, TTFT ${Math.round(ttftMs)} ms): more replicas do not help, a faster card or more tensor parallelism does.`);
  if (binding === "memory") notes.push(`Memory holds ${batch} sequences per replica, fewer than the ${unconstrained} the speed target would allow.`);
  if (binding === "budget") notes.push(`${replicas} replicas × $${hourly}/h exceed the $${input.max_hourly_budget_usd}/h budget.`);

  return {
    prefill_tokens_per_s: prefill,
    decode_tokens_per_s_per_sequence: decodeSingle,
    aggregate_tokens_per_s: aggregate,
    ttft_ms: ttftMs,
    replicas_needed: replicas,
    cost_per_million_output_tokens_usd: costPerMillion(hourly, replicas, aggregate),
    cost_per_million_output_tokens_spot_usd: spot == null ? null : costPerMillion(spot, replicas, aggregate),
    binding_constraint: binding,
    batch_per_replica: batch,
    per_replica_capacity_tokens_per_s: capacity,
    assumptions: notes,
  };
}
