import type { DbHandle } from "@/db/client";
import { gpuModelsOffered, searchInstances, type InstanceHit } from "@/db/queries/instances";
import { gpuCountLabel, isGpuSlice } from "@/lib/gpu/slices";
import { normalizeComputeQuery, type NormalizedComputeQuery } from "@/lib/search/compute-query";
import { monthlyCost } from "@/lib/search/compute-ranking";
import type { InstanceOption } from "@/lib/schemas/plan";
import { computeSearchBodySchema, type ComputeSearchInput, type ComputeSearchQuery } from "@/lib/schemas/tools";

export interface ComputeSuggestion {
  kind: "without_price_cap" | "without_providers" | "without_regions" | "without_spot" | "other_gpu" | "fewer_gpus";
  message: string;
  query: Partial<ComputeSearchQuery>;
}

export interface ComputeSearchResult {
  results: InstanceOption[];
  total_matches: number;
  query: ComputeSearchQuery;
  suggestions?: ComputeSuggestion[];
  reason?: string;
}

export function toInstanceOption(r: InstanceHit, spot: boolean): InstanceOption {
  const hourly = (spot ? r.spotPricePerHourUsd : r.pricePerHourUsd) ?? 0;
  return {
    provider: r.provider,
    instance_type: r.instanceType,
    region: r.region,
    gpu_model: r.gpuModel,
    gpu_count: r.gpuCount,
    gpu_memory_gb: r.gpuMemoryGbTotal,
    vcpus: r.vcpus,
    memory_gb: r.memoryGb,
    price_per_hour_usd: hourly,
    spot_price_per_hour_usd: r.spotPricePerHourUsd,
    monthly_cost_usd: monthlyCost(hourly),
    gpu_memory_gb_per_gpu: r.gpuMemoryGbPerGpu,
    regions_available: r.regionsAvailable,
    data_as_of: r.dataAsOf,
    ...(spot ? { on_demand_price_per_hour_usd: r.pricePerHourUsd } : {}),
    ...(isGpuSlice(r.gpuCount) ? { gpu_slice: true } : {}),
  };
}

/** The compute_search tool: validated query in, ranked distinct instance types out. */
export async function computeSearch(h: DbHandle, input: ComputeSearchInput | ComputeSearchQuery): Promise<ComputeSearchResult> {
  const query = computeSearchBodySchema.parse(input);
  const nq = normalizeComputeQuery(query);
  const { rows, total } = await searchInstances(h, nq);
  const out: ComputeSearchResult = { results: rows.map((r) => toInstanceOption(r, nq.spot)), total_matches: total, query };
  if (total === 0) Object.assign(out, await explainEmpty(h, query, nq));
  return out;
}

const fmt = (r: InstanceOption) =>
  `${r.provider} ${r.instance_type} (${r.gpu_count ? gpuCountLabel(r.gpu_count, r.gpu_model) : "CPU"}, ${r.region}) at $${r.price_per_hour_usd.toFixed(2)}/h`;

/** Nothing matched: find which single relaxation brings results back and say so (SkyPilot's "did you mean"). */
async function explainEmpty(
  h: DbHandle,
  query: ComputeSearchQuery,
  nq: NormalizedComputeQuery,
): Promise<{ reason: string; suggestions: ComputeSuggestion[] }> {
  if (nq.unknownGpu) {
    const offered = await gpuModelsOffered(h);
    const needle = nq.unknownGpu.toLowerCase().replace(/[^a-z0-9]/g, "");
    const close = offered.filter((g) => {
      const name = g.gpuModel.toLowerCase().replace(/[^a-z0-9]/g, "");
      return name.includes(needle) || needle.includes(name);
    });
    return {
      reason: `Unknown GPU model "${nq.unknownGpu}". Known models include ${offered.slice(0, 12).map((g) => g.gpuModel).join(", ")}…`,
      suggestions: close.slice(0, 5).map((g) => ({
        kind: "other_gpu" as const,
        message: `Did you mean ${g.gpuModel}:${g.maxCount}?`,
        query: { gpu_model: g.gpuModel },
      })),
    };
  }
  const relaxations: { kind: ComputeSuggestion["kind"]; applies: boolean; patch: Partial<ComputeSearchQuery>; label: string }[] = [
    { kind: "without_price_cap", applies: query.max_price_per_hour_usd !== undefined, patch: { max_price_per_hour_usd: undefined }, label: "Cheapest over your price cap" },
    { kind: "without_providers", applies: !!query.providers?.length, patch: { providers: undefined }, label: "Cheapest without the provider filter" },
    { kind: "without_regions", applies: !!query.regions?.length, patch: { regions: undefined }, label: "Cheapest without the region filter" },
    { kind: "without_spot", applies: !!query.spot, patch: { spot: undefined }, label: "Cheapest on-demand (no spot offer matched)" },
    { kind: "other_gpu", applies: !!query.gpu_model, patch: { gpu_model: undefined }, label: "Cheapest with any GPU model" },
    { kind: "fewer_gpus", applies: (query.min_gpu_count ?? 0) > 1, patch: { min_gpu_count: undefined }, label: "Cheapest with fewer GPUs" },
  ];
  const suggestions: ComputeSuggestion[] = [];
  for (const r of relaxations.filter((x) => x.applies)) {
    const relaxed = { ...query, ...r.patch, top_k: 1 };
    const { rows } = await searchInstances(h, normalizeComputeQuery(relaxed));
    if (rows.length) {
      const top = toInstanceOption(rows[0], !!relaxed.spot);
      const hint = r.kind === "other_gpu" || r.kind === "fewer_gpus" ? ` — did you mean ${top.gpu_model}:${top.gpu_count}?` : "";
      suggestions.push({ kind: r.kind, message: `${r.label}: ${fmt(top)}${hint}`, query: { ...r.patch } });
    }
  }
  const blockers = suggestions.map((s) => s.kind.replace("without_", "").replace("_", " "));
  const reason = suggestions.length
    ? `No instance matches all filters; relaxing ${blockers.join(" or ")} finds some.`
    : "No instance in the catalog matches these requirements, even with one filter relaxed.";
  return { reason, suggestions };
}
