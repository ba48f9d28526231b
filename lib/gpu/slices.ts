/**
 * GPU slices: instances that get a fraction of one GPU (AWS g6f / gr6f: 1/8, 1/4 or 1/2 of an L4).
 * The catalog stores the fraction as gpu_count (0 < count < 1) and the slice's own memory as its
 * per-GPU and total GPU memory, so memory filters compare against what the slice really holds.
 */

/** A fraction of one GPU (0 < count < 1). */
export function isGpuSlice(gpuCount: number): boolean {
  return gpuCount > 0 && gpuCount < 1;
}

/** "1/8" for 0.125; the decimal when it is not a unit fraction. */
export function sliceFraction(gpuCount: number): string {
  const d = Math.round(1 / gpuCount);
  return Math.abs(d * gpuCount - 1) < 1e-9 ? `1/${d}` : String(gpuCount);
}

/** How many GPUs a workload gets on the instance: a slice is one (partial) logical GPU. */
export function logicalGpuCount(gpuCount: number): number {
  return isGpuSlice(gpuCount) ? 1 : gpuCount;
}

/** "8× H100", or "1/8 L4 slice" for a slice. */
export function gpuCountLabel(gpuCount: number, model: string | null): string {
  const m = model || "GPU";
  return isGpuSlice(gpuCount) ? `${sliceFraction(gpuCount)} ${m} slice` : `${gpuCount}× ${m}`;
}
