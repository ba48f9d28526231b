import { gpuModelsByVendor, gpuModelsWithMinCapability, LEGACY_GPUS, resolveUserGpu } from "@/lib/gpu/specs";
import type { ComputeSearchQuery } from "@/lib/schemas/tools";

/** A compute search with user text resolved: GPU aliases → canonical names, names lower-cased. */
export interface NormalizedComputeQuery {
  gpuModels: string[] | null; // null = any GPU model
  excludeGpuModels: string[] | null;
  unknownGpu: string | null; // the user's GPU text when it matched nothing we know
  minGpuCount: number | null;
  minGpuMemoryGb: number | null;
  minTotalGpuMemoryGb: number | null;
  maxPricePerHour: number | null;
  providers: string[] | null;
  excludeProviders: string[] | null;
  regions: string[] | null;
  minVcpus: number | null;
  minMemoryGb: number | null;
  gpu: "required" | "none" | "any";
  /**
   * GPU slices (a fraction of one GPU, see lib/gpu/slices.ts) are offered only when the query states
   * a GPU memory need, which their slice memory then has to meet; never on a GPU count or model alone.
   */
  allowGpuSlices: boolean;
  spot: boolean;
  topK: number;
}

export function normalizeComputeQuery(q: ComputeSearchQuery): NormalizedComputeQuery {
  const named = q.gpu_model ? resolveUserGpu(q.gpu_model) : null;
  let gpuModels = named;
  if (q.gpu_vendor) {
    const ofVendor = new Set(gpuModelsByVendor(q.gpu_vendor));
    gpuModels = (gpuModels ?? [...ofVendor]).filter((m) => ofVendor.has(m));
  }
  if (q.min_compute_capability !== undefined) {
    // GPUs without a CUDA compute capability (AMD, TPUs, …) never satisfy it.
    const capable = new Set(gpuModelsWithMinCapability(q.min_compute_capability));
    gpuModels = (gpuModels ?? [...capable]).filter((m) => capable.has(m));
  }
  if (q.modern_gpus_only && gpuModels) gpuModels = gpuModels.filter((m) => !LEGACY_GPUS.has(m));
  const legacyExcluded = q.modern_gpus_only && !gpuModels ? [...LEGACY_GPUS] : [];
  const ruledOut = (q.exclude_gpu_models ?? []).flatMap((g) => resolveUserGpu(g));
  const excluded = [...new Set([...legacyExcluded, ...ruledOut])];
  if (gpuModels && ruledOut.length) gpuModels = gpuModels.filter((m) => !ruledOut.includes(m));
  const lower = (xs?: string[]) => (xs?.length ? [...new Set(xs.map((x) => x.trim().toLowerCase()))] : null);
  return {
    gpuModels,
    excludeGpuModels: excluded.length ? excluded : null,
    unknownGpu: q.gpu_model && named && named.length === 0 ? q.gpu_model : null,
    minGpuCount: q.min_gpu_count ?? null,
    minGpuMemoryGb: q.min_gpu_memory_gb ?? null,
    minTotalGpuMemoryGb: q.min_total_gpu_memory_gb ?? null,
    maxPricePerHour: q.max_price_per_hour_usd ?? null,
    providers: lower(q.providers),
    excludeProviders: lower(q.exclude_providers),
    regions: lower(q.regions),
    minVcpus: q.min_vcpus ?? null,
    minMemoryGb: q.min_memory_gb ?? null,
    gpu: q.gpu,
    allowGpuSlices: (q.min_gpu_memory_gb ?? 0) > 0 || (q.min_total_gpu_memory_gb ?? 0) > 0,
    spot: q.spot ?? false,
    topK: q.top_k,
  };
}

/**
 * A region filter term matches a region when it is a prefix of it ("eu-west" → eu-west-1) or a
 * whole word inside it ("US" → "Michigan, US, NA"), case-insensitively.
 */
export function regionMatches(region: string, term: string): boolean {
  const r = region.toLowerCase();
  const t = term.toLowerCase();
  if (r.startsWith(t)) return true;
  return new RegExp(`(^|[^a-z0-9])${escapeRegex(t)}($|[^a-z0-9])`).test(r);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
