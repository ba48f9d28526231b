/**
 * Accelerator columns of an instance row: canonical model via lib/gpu/specs,
 * per-GPU memory from the spec table (GpuInfo only disambiguates A100 40/80 GB).
 */
import { normalizeGpuName, type AcceleratorKind } from "@/lib/gpu/specs";
import { parseGpuInfo, perGpuMiB } from "./gpu-info";

export interface AcceleratorFields {
  gpuModel: string | null;
  gpuModelRaw: string | null;
  gpuCount: number;
  gpuMemoryGbPerGpu: number | null;
  gpuMemoryGbTotal: number;
  acceleratorKind: AcceleratorKind | null;
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
  // Unknown names keep the raw name as model (no memory) so the row stays findable.
  const spec = normalizeGpuName(name, { perGpuMiB: hint }) ?? {
    canonical: name,
    memoryGb: null,
    kind: "gpu" as const,
    vendor: "unknown",
  };
  return {
    gpuModel: spec.canonical,
    gpuModelRaw: name,
    gpuCount: count,
    gpuMemoryGbPerGpu: spec.memoryGb,
    gpuMemoryGbTotal: spec.memoryGb === null ? 0 : count * spec.memoryGb,
    acceleratorKind: spec.kind,
  };
}
