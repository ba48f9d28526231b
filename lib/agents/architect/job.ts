/**
 * The whole run of a training or fine-tuning job on the plan's instance (issue 13): tokens from
 * the user's data, FLOPs, MFU, GPU-hours, wall clock and the run's cost (lib/sizing/job.ts), with
 * the defaults stated when the user gave no data size.
 */
import { formFactorOf, gpuPerf } from "@/lib/gpu/performance";
import { estimateJob, SizingInputError, type Architecture, type JobEstimate } from "@/lib/sizing";
import type { InstanceOption, Job } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";

/** Fine-tuning examples assumed when the user names none (a typical instruction-tuning set; stated). */
export const DEFAULT_FINE_TUNE_EXAMPLES = 10_000;
/** Pre-training tokens per parameter when none are given: the compute-optimal ratio of Hoffmann et al. 2022 ("Chinchilla"), ~20. */
export const CHINCHILLA_TOKENS_PER_PARAM = 20;

/** Whether the plan is a job whose whole run is costed. */
export const isJob = (spec: WorkloadSpec) => spec.task === "training" || spec.task === "fine_tuning";

/** The data of the run as the estimator takes it, and what was assumed. */
function dataOf(spec: WorkloadSpec, arch: Architecture): { data: { tokens?: number; examples?: number; avg_tokens_per_example?: number; epochs?: number }; note?: string } {
  const epochs = spec.epochs;
  if (spec.dataset_tokens) return { data: { tokens: spec.dataset_tokens * (epochs ?? 1) }, note: epochs ? undefined : "One epoch over the data given (assumed)." };
  if (spec.dataset_examples) return { data: { examples: spec.dataset_examples, avg_tokens_per_example: spec.avg_example_tokens, epochs } };
  if (spec.task === "training") {
    const tokens = CHINCHILLA_TOKENS_PER_PARAM * arch.params_b * 1e9;
    return { data: { tokens }, note: `No data size given: ${CHINCHILLA_TOKENS_PER_PARAM} tokens per parameter (compute-optimal, Hoffmann et al. 2022), ${(tokens / 1e9).toFixed(0)}B tokens.` };
  }
  return {
    data: { examples: DEFAULT_FINE_TUNE_EXAMPLES, avg_tokens_per_example: spec.avg_example_tokens, epochs },
    note: `No data size given: ${DEFAULT_FINE_TUNE_EXAMPLES.toLocaleString("en-US")} examples assumed (say how many you have).`,
  };
}

/** The run on one instance (all its GPUs); null when the GPU lacks a datasheet figure. */
export function jobOn(spec: WorkloadSpec, arch: Architecture, row: InstanceOption): (JobEstimate & { gpu: string }) | null {
  if (!row.gpu_model || row.gpu_slice || !(row.gpu_count >= 1)) return null;
  const perf = gpuPerf(row.gpu_model, formFactorOf(row.instance_type, row.provider, row.gpu_model).form_factor);
  if (!perf) return null;
  const { data, note } = dataOf(spec, arch);
  const count = row.instance_count ?? 1;
  const spot = row.spot_price_per_hour_usd;
  try {
    const e = estimateJob({
      params_b: arch.params_b,
      active_params_b: arch.active_params_b,
      method: spec.task === "training" ? "full" : (spec.fine_tune_method ?? "lora"),
      ...data,
      gpu: perf,
      gpu_count: Math.round(row.gpu_count) * count,
      hourly_price_usd: row.price_per_hour_usd * count,
      hourly_spot_price_usd: spot !== null && spot > 0 ? spot * count : null,
    });
    return { ...e, assumptions: note ? [note, ...e.assumptions] : e.assumptions, gpu: `${perf.gpu} ${perf.form_factor}` };
  } catch (err) {
    if (err instanceof SizingInputError) return null;
    throw err;
  }
}

const r = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
/** Three significant figures (never rounds a small positive figure to 0). */
const sig = (n: number) => Number(n.toPrecision(3));

/** The plan's job block. */
export function toJob(e: JobEstimate): Job {
  return {
    tokens: Math.round(e.tokens),
    total_flops: Number(e.total_flops.toPrecision(4)),
    mfu: r(e.mfu, 3),
    gpu_hours: sig(e.gpu_hours),
    wall_clock_hours: sig(e.wall_clock_hours),
    run_cost_usd: r(e.run_cost_usd, 2),
    run_cost_spot_usd: e.run_cost_spot_usd === null ? null : r(e.run_cost_spot_usd, 2),
    assumptions: e.assumptions,
  };
}
