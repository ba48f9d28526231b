/**
 * How many GPUs of a given size a sizing needs. Model: tensor parallelism over n GPUs (or
 * ZeRO-3/FSDP for training) splits weights, KV cache, gradients and optimizer state n ways; the
 * activations are NOT split (conservative); each GPU keeps its own runtime overhead of
 * max(1 GB, total overhead / n) for its workspaces. A GPU holds its usable memory
 * (usable-memory.ts: nominal GiB × `maxUtilization`, default 0.9 = vLLM's default
 * gpu_memory_utilization, minus the CUDA context).
 * Measured-table sizings (diffusion, YOLO, Whisper…) do not shard: one GPU must hold them.
 */
import { DEFAULT_MAX_UTILIZATION, r1, type Sizing } from "./types";
import { nominalGbFor, rawGpuMemoryGb, usableGpuMemoryGb } from "./usable-memory";

export interface GpuFitOptions {
  maxUtilization?: number;
  /** Candidate GPU counts, ascending. Default 1, 2, 4, 8, then 16 (two 8-GPU nodes). */
  tpSizes?: readonly number[];
}

export const DEFAULT_TP_SIZES = [1, 2, 4, 8, 16] as const;
export const DEFAULT_GPU_SIZES_GB = [16, 24, 40, 48, 80, 141, 192] as const;

type FitRow = NonNullable<Sizing["gpu_fit"]>[number];

const SHARDED = ["weights", "kv_cache", "gradients", "optimizer_states"] as const;

/** Memory each GPU holds when the workload is split over n GPUs. */
export function perGpuMemoryGb(sizing: Sizing | number, n: number): number {
  if (typeof sizing === "number") {
    // Only a total is known: assume 1 GB of it is per-GPU runtime overhead, the rest splits.
    return n === 1 ? sizing : Math.max(0, sizing - 1) / n + Math.min(1, sizing);
  }
  if (n === 1) return sizing.memory_gb_required;
  if (sizing.source === "measured_table") return Number.POSITIVE_INFINITY;
  const b = sizing.breakdown;
  const shard = SHARDED.reduce((s, k) => s + (b[k] ?? 0), 0);
  const overhead = b.runtime_overhead ?? 0;
  const rest = sizing.memory_gb_required - shard - overhead; // activations and anything unknown: replicated
  return shard / n + rest + Math.max(Math.min(1, overhead), overhead / n);
}

/**
 * Smallest GPU count (from tpSizes) whose per-GPU share fits the card's usable memory,
 * or null if none does. Accepts a full Sizing (uses the breakdown) or just the total in GB.
 */
export function gpusNeeded(memory: Sizing | number, gpuMemoryGb: number, opts: GpuFitOptions = {}): number | null {
  const util = opts.maxUtilization ?? DEFAULT_MAX_UTILIZATION;
  for (const n of opts.tpSizes ?? DEFAULT_TP_SIZES) {
    if (perGpuMemoryGb(memory, n) <= usableGpuMemoryGb(gpuMemoryGb, util) + 1e-9) return n;
  }
  return null;
}

/**
 * Nominal GPU memory to look for in the catalog (rounded up to 0.1 GB): the card size whose usable
 * memory holds memory_gb_required. A lower bound for any GPU count, since n × the per-GPU share is
 * never below the total (the sharded parts add up, the rest is held n times).
 */
export function minTotalGpuMemoryGb(memory: Sizing | number, maxUtilization = DEFAULT_MAX_UTILIZATION): number {
  const total = typeof memory === "number" ? memory : memory.memory_gb_required;
  return Math.ceil(nominalGbFor(total, maxUtilization) * 10 - 1e-9) / 10;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The `gpu_fit` extension: GPUs needed per card size, with a note on utilization / tight fits. */
export function fitTable(sizing: Sizing, gpuSizesGb: readonly number[] = DEFAULT_GPU_SIZES_GB, opts: GpuFitOptions = {}): FitRow[] {
  const util = opts.maxUtilization ?? DEFAULT_MAX_UTILIZATION;
  const sizes = opts.tpSizes ?? DEFAULT_TP_SIZES;
  const training = (sizing.breakdown.gradients ?? 0) > 0;
  return gpuSizesGb.map((g) => {
    const n = gpusNeeded(sizing, g, opts);
    if (n === null) {
      const note = sizing.source === "measured_table"
        ? `does not shard across GPUs; needs one card with ≥ ${r1(nominalGbFor(sizing.memory_gb_required, util))} GB, or CPU offload / quantized weights`
        : `more than ${sizes[sizes.length - 1]} × ${g} GB; use larger GPUs, lower precision, or pipeline parallelism across nodes`;
      return { gpu_memory_gb: g, gpus_needed: null, note };
    }
    const share = perGpuMemoryGb(sizing, n);
    const raw = rawGpuMemoryGb(g);
    const notes = [n === 1 ? `uses ~${pct(share / raw)} of the card` : `~${r1(share)} GB per GPU (${pct(share / raw)})`];
    if (n > 1) notes.push(training ? "weights, gradients and optimizer state sharded (ZeRO-3/FSDP)" : `tensor parallel ×${n}`);
    if (n >= 16) notes.push("multi-node (2 × 8 GPUs)");
    const prev = sizes[sizes.indexOf(n) - 1];
    if (prev !== undefined) {
      const tight = perGpuMemoryGb(sizing, prev);
      if (tight <= raw) notes.push(`${prev} GPU${prev > 1 ? "s" : ""} would hold it at ${pct(tight / raw)} (tight: shrink context, concurrency or batch)`);
    }
    return { gpu_memory_gb: g, gpus_needed: n, note: notes.join("; ") };
  });
}
