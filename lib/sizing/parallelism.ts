/**
 * How a workload is laid out on one instance, and whether it fits there. Pure: sizing and the
 * instance's shape in, parallelism and the per-GPU need against the usable memory out.
 *
 * `maxGpus` (a GPU count the user pinned) caps the GPUs used on a bigger node.
 *
 * - LLM serving (vLLM): tensor parallel size TP divides both the instance's GPU count and the
 *   model's attention-head count; the smallest TP that fits is taken (fewer shards = less
 *   communication), then pipeline parallelism over the rest of the node when TP alone cannot hold
 *   it. Leftover GPUs serve extra replicas (TP × PP × replicas ≤ GPU count).
 * - Training / fine-tuning: weights, gradients and optimizer state sharded over every GPU of the
 *   instance (ZeRO-3 / FSDP), one replica.
 * - Workloads that do not shard (diffusion, detection, speech, embeddings): one GPU per replica,
 *   one replica per GPU.
 */
import { perGpuMemoryGb } from "./gpu-fit";
import { DEFAULT_MAX_UTILIZATION, r1, type Sizing } from "./types";
import { usableGpuMemoryGb } from "./usable-memory";

export type LayoutKind = "llm_serving" | "sharded_training" | "single_gpu";

export interface InstanceShape {
  gpuCount: number;
  /** Nominal per-GPU memory ("80" for an A100-80GB). */
  perGpuGb: number;
}

export interface Layout {
  tensor_parallel_size: number | null;
  pipeline_parallel_size: number | null;
  gpus_per_replica: number;
  replicas: number;
  /** Per-GPU need and usable memory, GB (rounded to 0.1). */
  needed: number;
  usable: number;
  fits: boolean;
}

/** Divisors of n (ascending) that also divide `heads` (every divisor when heads is unknown). */
export function validTensorParallelSizes(gpuCount: number, heads?: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= gpuCount; d++) if (gpuCount % d === 0 && (!heads || heads % d === 0)) out.push(d);
  return out;
}

/** The layout of `sizing` on one instance (see the module comment), with `fits` from the usable memory. */
export function layoutOn(
  sizing: Sizing,
  shape: InstanceShape,
  opts: { kind: LayoutKind; heads?: number; layers?: number; utilization?: number; maxGpus?: number },
): Layout {
  const usable = usableGpuMemoryGb(shape.perGpuGb, opts.utilization ?? DEFAULT_MAX_UTILIZATION);
  const onNode = Math.max(0, Math.floor(shape.gpuCount));
  // The user's GPU count, when pinned, is what the deployment may use (a bigger node keeps the rest free).
  const n = opts.maxGpus ? Math.min(onNode, Math.floor(opts.maxGpus)) : onNode;
  const result = (tp: number | null, pp: number | null, perReplica: number, replicas: number, need: number): Layout => ({
    tensor_parallel_size: tp,
    pipeline_parallel_size: pp,
    gpus_per_replica: perReplica,
    replicas,
    needed: r1(need),
    usable: r1(usable),
    fits: n > 0 && need <= usable + 1e-9,
  });
  if (n === 0) return result(null, null, 0, 1, sizing.memory_gb_required);
  if (opts.kind === "single_gpu" || sizing.source === "measured_table") {
    // Data parallel: every GPU holds a whole copy.
    return opts.kind === "sharded_training"
      ? result(null, null, n, 1, sizing.memory_gb_required)
      : result(null, null, 1, n, sizing.memory_gb_required);
  }
  if (opts.kind === "sharded_training") return result(null, null, n, 1, perGpuMemoryGb(sizing, n));
  // TP divides the node's GPU count and the heads, and fits in the GPUs the deployment may use.
  const tps = validTensorParallelSizes(onNode, opts.heads).filter((tp) => tp <= n);
  for (const tp of tps) {
    const need = perGpuMemoryGb(sizing, tp);
    if (need <= usable + 1e-9) return result(tp, 1, tp, Math.floor(n / tp), need);
  }
  // TP alone cannot hold it: pipeline stages over the rest of the node (layers split PP ways).
  const tp = tps[tps.length - 1];
  const maxPp = Math.min(Math.floor(n / tp), opts.layers ?? Number.POSITIVE_INFINITY);
  for (let pp = 2; pp <= maxPp; pp++) {
    const need = perGpuMemoryGb(sizing, tp * pp);
    if (need <= usable + 1e-9) return result(tp, pp, tp * pp, Math.floor(n / (tp * pp)), need);
  }
  const pp = Math.max(1, maxPp);
  return result(tp, pp, tp * pp, 1, perGpuMemoryGb(sizing, tp * pp));
}
