/**
 * Accelerator columns of an instance row: canonical model via lib/gpu/specs,
 * per-GPU memory from the spec table (GpuInfo only disambiguates A100 40/80 GB).
 */
import { normalizeGpuName, type AcceleratorKind } from "@/lib/gpu/specs";
import { isGpuSlice } from "@/lib/gpu/slices";
import { parseGpuInfo, perGpuMiB } from "./gpu-info";

/**
 * `unknown`: an accelerator name the spec table does not know. The row is kept (raw name as model)
 * but has no memory and no kind, so no GPU search offers it until lib/gpu/specs.ts learns the name.
 */
export type CatalogAcceleratorKind = AcceleratorKind | "unknown";

export interface AcceleratorFields {
  gpuModel: string | null;
  gpuModelRaw: string | null;
  gpuCount: number;
  gpuMemoryGbPerGpu: number | null;
  gpuMemoryGbTotal: number;
  acceleratorKind: CatalogAcceleratorKind | null;
}

const NONE: AcceleratorFields = {
  gpuModel: null,
  gpuModelRaw: null,
  gpuCount: 0,
  gpuMemoryGbPerGpu: null,
  gpuMemoryGbTotal: 0,
  acceleratorKind: null,
};

export function acceleratorFields(
  provider: string,
  name: string | null,
  count: number,
  gpuInfo: string | null,
): AcceleratorFields {
  if (!name || !(count > 0)) return NONE;
  const hint = perGpuMiB(parseGpuInfo(gpuInfo), provider, count) ?? undefined;
  const spec = normalizeGpuName(name, { perGpuMiB: hint });
  if (!spec) {
    return { gpuModel: name, gpuModelRaw: name, gpuCount: count, gpuMemoryGbPerGpu: null, gpuMemoryGbTotal: 0, acceleratorKind: "unknown" };
  }
  // A slice (AWS g6f: 0.125 of an L4) is one logical GPU holding that fraction of the memory.
  const perGpu = spec.memoryGb === null ? null : isGpuSlice(count) ? count * spec.memoryGb : spec.memoryGb;
  return {
    gpuModel: spec.canonical,
    gpuModelRaw: name,
    gpuCount: count,
    gpuMemoryGbPerGpu: perGpu,
    gpuMemoryGbTotal: spec.memoryGb === null ? 0 : count * spec.memoryGb,
    acceleratorKind: spec.kind,
  };
}
