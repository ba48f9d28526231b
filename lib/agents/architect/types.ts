import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { DeploymentPlan, Sizing } from "@/lib/schemas/plan";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import type { K8sSearchResult } from "@/lib/tools/k8s-search";
import type { HfSearchResult } from "@/lib/tools/hf-search";
import type { LocalClusterStatus } from "@/lib/cluster";
import type { ComputeSearchInput } from "@/lib/schemas/tools";

export type ArchitectStep = "local_check" | "compute_search" | "hf_search" | "k8s_search" | "writing";

/** The four tools the architect calls, injected so tests can swap them. */
export interface ArchitectTools {
  localCheck(req: { requiredGpus?: number; requiredGpuMemoryGb?: number }): Promise<LocalClusterStatus>;
  computeSearch(q: ComputeSearchInput): Promise<ComputeSearchResult>;
  hfSearch(q: { query: string; task?: string; max_params_b?: number; top_k?: number; popular_in_task?: boolean }): Promise<HfSearchResult>;
  k8sSearch(q: { query: string; top_k?: number }): Promise<K8sSearchResult>;
}

export interface ChartQuery {
  query: string;
  /** Why the chart is in the plan ("you asked for MLflow", "serves the model"). */
  purpose: string;
  take: number;
  /** A chart whose name must match one of these to count (keeps "ray" from returning unrelated charts). */
  expectName?: RegExp;
}

/** Everything the architect gathered; the plan (numbers included) is built from this alone. */
export interface ArchitectFacts {
  spec: WorkloadSpec;
  extras: RequirementsExtras;
  assumptions: string[];
  sizing: Sizing;
  local: LocalClusterStatus;
  compute: ComputeSearchResult;
  /** The same search without the budget cap, when the capped one found nothing. */
  overBudget: ComputeSearchResult | null;
  /** Cheapest option after quantizing, when over budget and quantization applies. */
  quantizedAlternative: { precision: string; memoryGb: number; compute: ComputeSearchResult } | null;
  spotAlternative: ComputeSearchResult | null;
  models: HfSearchResult;
  packages: { query: ChartQuery; result: K8sSearchResult }[];
  computeQuery: ComputeSearchInput;
}

export type { DeploymentPlan };
