import { isGpuSlice } from "@/lib/gpu/slices";
import type { NormalizedComputeQuery } from "./compute-query";
import { regionMatches } from "./compute-query";

/** One catalog row as the compute search sees it. */
export interface InstanceCandidate {
  provider: string;
  instanceType: string;
  region: string;
  gpuModel: string | null;
  gpuCount: number;
  gpuMemoryGbPerGpu: number | null;
  gpuMemoryGbTotal: number;
  acceleratorKind: string | null;
  vcpus: number | null;
  memoryGb: number | null;
  pricePerHourUsd: number | null;
  spotPricePerHourUsd: number | null;
  dataAsOf: string;
}

export const HOURS_PER_MONTH = 730;

export function monthlyCost(pricePerHour: number): number {
  return Math.round(pricePerHour * HOURS_PER_MONTH * 100) / 100;
}

/** The price the ranking uses: spot when the search asks for spot, else on-demand. */
export function effectivePrice(c: InstanceCandidate, spot: boolean): number | null {
  return spot ? c.spotPricePerHourUsd : c.pricePerHourUsd;
}

/**
 * The contract's ranking: price ASC → total GPU memory DESC → GPU count DESC → instance type ASC,
 * then provider ASC so equal offers from two providers keep a stable order.
 */
export function compareInstances(spot: boolean) {
  return (a: InstanceCandidate, b: InstanceCandidate): number =>
    (effectivePrice(a, spot) ?? Infinity) - (effectivePrice(b, spot) ?? Infinity) ||
    b.gpuMemoryGbTotal - a.gpuMemoryGbTotal ||
    b.gpuCount - a.gpuCount ||
    cmp(a.instanceType, b.instanceType) ||
    cmp(a.provider, b.provider);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function matchesQuery(c: InstanceCandidate, q: NormalizedComputeQuery): boolean {
  const price = effectivePrice(c, q.spot);
  if (price === null) return false;
  if (q.gpu === "required" && !(c.gpuCount > 0 && c.acceleratorKind === "gpu")) return false;
  if (q.gpu === "none" && c.gpuCount > 0) return false;
  if (!q.allowGpuSlices && isGpuSlice(c.gpuCount)) return false;
  if (q.gpuModels && !(c.gpuModel && q.gpuModels.includes(c.gpuModel))) return false;
  if (q.excludeGpuModels && c.gpuModel && q.excludeGpuModels.includes(c.gpuModel)) return false;
  if (q.minGpuCount !== null && c.gpuCount < q.minGpuCount) return false;
  if (q.minGpuMemoryGb !== null && (c.gpuMemoryGbPerGpu ?? 0) < q.minGpuMemoryGb) return false;
  if (q.minTotalGpuMemoryGb !== null && c.gpuMemoryGbTotal < q.minTotalGpuMemoryGb) return false;
  if (q.maxPricePerHour !== null && price > q.maxPricePerHour) return false;
  if (q.providers && !q.providers.includes(c.provider)) return false;
  if (q.excludeProviders && q.excludeProviders.includes(c.provider)) return false;
  if (q.regions && !q.regions.some((t) => regionMatches(c.region, t))) return false;
  if (q.minVcpus !== null && (c.vcpus ?? 0) < q.minVcpus) return false;
  if (q.minMemoryGb !== null && (c.memoryGb ?? 0) < q.minMemoryGb) return false;
  return true;
}

export interface RankedInstances<T extends InstanceCandidate> {
  results: (T & { regionsAvailable: number })[];
  totalMatches: number;
}

/**
 * The reference implementation of the compute search over rows in memory: filter, keep each
 * (provider, instance type) at its cheapest matching region, rank. The SQL version must agree.
 */
export function rankInstances<T extends InstanceCandidate>(rows: T[], q: NormalizedComputeQuery): RankedInstances<T> {
  const byType = new Map<string, { best: T; regions: number }>();
  const better = compareRegion(q.spot);
  for (const r of rows) {
    if (!matchesQuery(r, q)) continue;
    const key = `${r.provider}\u0000${r.instanceType}`;
    const cur = byType.get(key);
    if (!cur) byType.set(key, { best: r, regions: 1 });
    else {
      cur.regions++;
      if (better(r, cur.best) < 0) cur.best = r;
    }
  }
  const all = [...byType.values()].map((v) => ({ ...v.best, regionsAvailable: v.regions }));
  all.sort(compareInstances(q.spot));
  return { results: all.slice(0, q.topK), totalMatches: all.length };
}

/** Within one instance type: cheapest region first, then region name for a stable pick. */
export function compareRegion(spot: boolean) {
  return (a: InstanceCandidate, b: InstanceCandidate) =>
    (effectivePrice(a, spot) ?? Infinity) - (effectivePrice(b, spot) ?? Infinity) || cmp(a.region, b.region);
}
