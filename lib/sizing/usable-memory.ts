/**
 * What a GPU really offers. Catalog and vendor memory figures are nominal: an "80 GB" A100 holds
 * 80 GiB = 85.9 GB (10^9 bytes, the unit every sizing figure uses). vLLM (and our planning margin)
 * lets the engine use `gpu_memory_utilization` of the device; the CUDA context of the process
 * (driver state, kernel images, NCCL communicator) sits outside the engine's allocator, so it is
 * taken off what remains.
 */
import { DEFAULT_MAX_UTILIZATION } from "./types";

/** Bytes in a GiB over bytes in a GB: an "N GB" card holds N GiB. */
export const GIB_IN_GB = 1.073741824;

/**
 * CUDA context per GPU process outside the engine's memory budget, in GB. Measured figures for a
 * CUDA 12 context with cuBLAS and NCCL loaded are 0.3–0.6 GB on A100/H100 class cards (nvidia-smi
 * shows it for an idle `torch.cuda.init()` process); we take 0.5 GB.
 */
export const CUDA_CONTEXT_GB = 0.5;

/** Physical memory of an "N GB" card in GB (N GiB): A100-80GB → 85.9 GB. */
export function rawGpuMemoryGb(nominalGb: number): number {
  return nominalGb * GIB_IN_GB;
}

/** Usable per GPU: N GiB × gpu_memory_utilization − the CUDA context, in GB (never below 0). */
export function usableGpuMemoryGb(nominalGb: number, utilization = DEFAULT_MAX_UTILIZATION): number {
  return Math.max(0, rawGpuMemoryGb(nominalGb) * utilization - CUDA_CONTEXT_GB);
}

/** The smallest nominal card size ("N GB") whose usable memory holds `neededGb`. */
export function nominalGbFor(neededGb: number, utilization = DEFAULT_MAX_UTILIZATION): number {
  return (neededGb + CUDA_CONTEXT_GB) / (GIB_IN_GB * utilization);
}
