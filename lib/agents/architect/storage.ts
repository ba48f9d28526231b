import { WEIGHT_BYTES } from "@/lib/sizing/types";
import { modelStorageGi } from "@/lib/artifacts/context";

/**
 * Disk for a model's files, GB: the rule of the files' PVCs (lib/artifacts/context.ts
 * modelStorageGi) applied to the weights — given, or params × bytes per weight.
 */
export function modelStorageGb(paramsB: number | undefined, precision?: keyof typeof WEIGHT_BYTES, weightsGb?: number): number {
  return modelStorageGi(weightsGb ?? (paramsB !== undefined && precision ? paramsB * WEIGHT_BYTES[precision] : undefined));
}
