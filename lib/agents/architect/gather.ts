import { estimateMemory, gpusNeeded, minTotalGpuMemoryGb, sizingInputFromSpec } from "@/lib/sizing";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { regionMatchesIntent } from "@/lib/agents/requirements/offline/regions";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import type { LocalClusterStatus } from "@/lib/cluster";
import type { Sizing } from "@/lib/schemas/plan";
import { deriveChartQueries } from "./chart-queries";
import { deriveComputeQuery, deriveModelQuery, hasRegionIntent, requiredComputeCapability, sizeWorkload, tpFriendly } from "./derive";
import type { ArchitectFacts, ArchitectStep, ArchitectTools } from "./types";

const GIB_TO_GB = 1.073741824;
const MAX_COMPUTE = 10;

/**
 * Agent 2's tool phase, in order: local cluster check → compute search → Hugging Face search →
 * Kubernetes package search. Inputs come from the spec and the sizing; nothing here invents a number.
 */
export async function gatherFacts(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  assumptions: string[],
  tools: ArchitectTools,
  onStep: (step: ArchitectStep, message: string) => void = () => {},
): Promise<ArchitectFacts> {
  const sizing = sizeWorkload(spec, extras);

  onStep("local_check", "Checking the local Kubernetes cluster");
  const local = withLocalFit(await tools.localCheck({}), sizing);

  onStep("compute_search", `Searching cloud instances for ≥ ${minTotalGpuMemoryGb(sizing).toFixed(0)} GB of GPU memory`);
  const computeQuery = deriveComputeQuery(spec, extras, sizing, { budgetCap: true });
  // The precision's GPU floor narrows the search: say so in the plan.
  const capability = computeQuery.min_compute_capability !== undefined ? requiredComputeCapability(spec) : null;
  const planAssumptions = capability && !assumptions.includes(capability.assumption) ? [...assumptions, capability.assumption] : assumptions;
  const shardable = !spec.modality || spec.modality === "llm" || spec.modality === "multimodal";
  const tidy = (r: ComputeSearchResult): ComputeSearchResult => {
    const pinned = !!spec.gpu?.count;
    let results = shardable && !pinned ? r.results.filter((x) => tpFriendly(x.gpu_count)) : r.results;
    // The search's region terms are prefixes/words (a superset); enforce the exact wish here:
    // a country narrows its area ("Germany" is not all of Europe) and excluded areas stay out.
    if (hasRegionIntent(extras)) results = results.filter((x) => regionMatchesIntent(x.region, extras.region_intent));
    return { ...r, results: results.slice(0, MAX_COMPUTE) };
  };
  const compute = tidy(await tools.computeSearch(computeQuery));
  let overBudget: ComputeSearchResult | null = null;
  let quantizedAlternative: ArchitectFacts["quantizedAlternative"] = null;
  if (!compute.results.length && computeQuery.max_price_per_hour_usd !== undefined) {
    overBudget = tidy(await tools.computeSearch({ ...computeQuery, max_price_per_hour_usd: undefined }));
    quantizedAlternative = await quantizedOption(spec, extras, tools, tidy);
  }
  const spotAlternative = spec.spot_ok
    ? tidy(await tools.computeSearch({ ...computeQuery, max_price_per_hour_usd: undefined, spot: true, top_k: 20 }))
    : null;

  onStep("hf_search", "Searching Hugging Face models");
  const models = await tools.hfSearch(deriveModelQuery(spec, extras, sizing));

  onStep("k8s_search", "Searching Helm charts");
  const packages = [];
  for (const query of deriveChartQueries(spec)) {
    const result = await tools.k8sSearch({ query: query.query, top_k: query.take + 4 });
    const wanted = query.expectName ? result.results.filter((r) => query.expectName!.test(r.name)) : result.results;
    packages.push({ query, result: { ...result, results: wanted.slice(0, query.take) } });
  }

  return { spec, extras, assumptions: planAssumptions, sizing, local, compute, overBudget, quantizedAlternative, spotAlternative, models, packages, computeQuery };
}

/** Does the workload fit on free GPUs of one local node? (labels give GiB; sizing uses GB) */
function withLocalFit(local: LocalClusterStatus, sizing: Sizing): LocalClusterStatus {
  if (!local.connected || !local.nodes?.length) return local;
  const fits = local.nodes.some((n) => {
    if (!n.free_gpus || !n.gpu_memory_gb) return false;
    const needed = gpusNeeded(sizing, n.gpu_memory_gb * GIB_TO_GB);
    return needed !== null && needed <= n.free_gpus;
  });
  return { ...local, fits };
}

/** Over budget: what int4 (LLM inference) would need and cost within the budget. */
async function quantizedOption(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  tools: ArchitectTools,
  tidy: (r: ComputeSearchResult) => ComputeSearchResult,
): Promise<ArchitectFacts["quantizedAlternative"]> {
  const llm = !spec.modality || spec.modality === "llm";
  if (!llm || (spec.task ?? "inference") !== "inference" || spec.precision === "int4") return null;
  const quantSpec: WorkloadSpec = { ...spec, precision: "int4" };
  let sizing: Sizing;
  try {
    sizing = extras.reference_model && !spec.model ? sizeWorkload(quantSpec, extras) : estimateMemory(sizingInputFromSpec(quantSpec));
  } catch {
    return null;
  }
  const compute = tidy(await tools.computeSearch(deriveComputeQuery(quantSpec, extras, sizing, { budgetCap: true })));
  return { precision: "int4", memoryGb: sizing.memory_gb_required, compute };
}
