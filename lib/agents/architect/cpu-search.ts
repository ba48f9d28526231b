/** Searches for CPU nodes (and the shared "search, then enforce the exact region wish" step). */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { InstanceOption } from "@/lib/schemas/plan";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { regionMatchesIntent } from "@/lib/agents/requirements/offline/regions";
import { hasRegionIntent, hourlyBudget, regionTerms } from "./derive";
import { NODE_RESERVE } from "./part-sizing";
import type { ArchitectTools } from "./types";

/** Largest single CPU node the plan asks for before splitting into several (stated default). */
export const MAX_CPU_NODE = { vcpus: 96, memory_gb: 768 };

/** A CPU node holding `need` plus the node reserve, with the request's provider and region filters. */
export function cpuSearchQuery(spec: WorkloadSpec, extras: RequirementsExtras, need: { vcpus: number; memory_gb: number }, budgetCap = false): ComputeSearchInput {
  const q: ComputeSearchInput = {
    gpu: "none",
    min_vcpus: Math.min(MAX_CPU_NODE.vcpus, Math.ceil(need.vcpus + NODE_RESERVE.vcpus)),
    min_memory_gb: Math.min(MAX_CPU_NODE.memory_gb, Math.ceil(need.memory_gb + NODE_RESERVE.memory_gb)),
    top_k: hasRegionIntent(extras) ? 100 : 20,
  };
  if (spec.providers?.length) q.providers = spec.providers;
  if (extras.excluded_providers.length) q.exclude_providers = extras.excluded_providers;
  const regions = regionTerms(spec, extras);
  if (regions) q.regions = regions;
  const cap = hourlyBudget(spec.budget_monthly_usd);
  if (budgetCap && cap !== undefined) q.max_price_per_hour_usd = cap;
  return q;
}

/** Search, then keep the rows that meet the exact region wish. */
export async function searchRows(tools: ArchitectTools, q: ComputeSearchInput, extras: RequirementsExtras): Promise<InstanceOption[]> {
  const r = await tools.computeSearch(q);
  return hasRegionIntent(extras) ? r.results.filter((x) => regionMatchesIntent(x.region, extras.region_intent)) : r.results;
}
