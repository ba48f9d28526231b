import { WEIGHT_BYTES } from "@/lib/sizing/types";

/**
 * Disk for a model's files, GB: the weights (params × bytes per weight, or the sized weights) plus
 * 25% and 10 GB for tokenizer, caches and temp files, at least 20 GB, in whole tens — the same rule
 * as the files' PVCs (lib/artifacts/context.ts modelStorageGi).
 */
export function modelStorageGb(paramsB: number | undefined, precision?: keyof typeof WEIGHT_BYTES, weightsGb?: number): number {
  const w = weightsGb ?? (paramsB !== undefined && precision ? paramsB * WEIGHT_BYTES[precision] : 0);
  const x = Number.isFinite(w) && w > 0 ? w : 0;
  return Math.max(20, Math.ceil((x * 1.25 + 10) / 10) * 10);
}
