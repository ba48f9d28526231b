import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { DeploymentPlan, Sizing } from "@/lib/schemas/plan";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import type { K8sSearchResult } from "@/lib/tools/k8s-search";
import type { HfSearchResult } from "@/lib/tools/hf-search";
import type { LocalClusterStatus } from "@/lib/cluster";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import type { InstanceOption, Job, ModelOption, NotebookProfile, PackageOption, Performance, Resources, StackNode } from "@/lib/schemas/plan";
import type { Layout } from "@/lib/sizing";
import type { Checkpoint } from "./checkpoint";
import type { ComponentPlan } from "./components";
import type { QuantizedVariant } from "@/lib/tools/model-lookup";

export type ArchitectStep = "local_check" | "compute_search" | "hf_search" | "k8s_search" | "writing";

/** The four tools the architect calls, injected so tests can swap them. */
export interface ArchitectTools {
  localCheck(req: { requiredGpus?: number; requiredGpuMemoryGb?: number }): Promise<LocalClusterStatus>;
  computeSearch(q: ComputeSearchInput): Promise<ComputeSearchResult>;
  hfSearch(q: { query: string; task?: string; max_params_b?: number; top_k?: number; popular_in_task?: boolean }): Promise<HfSearchResult>;
  k8sSearch(q: { query: string; top_k?: number }): Promise<K8sSearchResult>;
  /** Catalog models by exact id (optional: without it the deployed checkpoint must come from hfSearch). */
  lookupModels?(ids: string[]): Promise<ModelOption[]>;
  /** Official quantized checkpoints of a catalog model (optional: without it no quantized swap). */
  quantizedVariants?(baseId: string): Promise<QuantizedVariant[]>;
}

export interface ChartQuery {
  query: string;
  /** Why the chart is in the plan ("you asked for MLflow", "serves the model"). */
  purpose: string;
  take: number;
  /** A chart whose name must match one of these to count (keeps "ray" from returning unrelated charts). */
  expectName?: RegExp;
  /** The exact chart (repository and name in the catalog) when the plan's path names one. */
  repository?: string;
  name?: string;
  /** When the exact path is not in the catalog, the best chart whose name fits stands in (tools only). */
  fallbackByName?: boolean;
}

/** A compute option with the workload's layout on it. */
export interface FittedInstance {
  instance: InstanceOption;
  layout: Layout;
}

/** A chart the plan installs, with why. */
export type ChosenChart = PackageOption & { purpose: string };

/** Everything the architect gathered; the plan (numbers included) is built from this alone. */
export interface ArchitectFacts {
  spec: WorkloadSpec;
  extras: RequirementsExtras;
  assumptions: string[];
  /** The sizing of the deployed checkpoint (at the precision it actually has). */
  sizing: Sizing;
  /** The spec as sized: the deployed checkpoint's repo id and precision. */
  sizedSpec: WorkloadSpec;
  checkpoint: Checkpoint;
  local: LocalClusterStatus;
  /** Ranked options (those that hold the workload, or — when nothing can — the pinned hardware as asked). */
  compute: ComputeSearchResult;
  /** The layout on each compute result, same order. */
  layouts: Layout[];
  /** Whether compute[0] holds the workload. */
  fits: boolean;
  /** When the pinned hardware cannot hold it: the cheapest configuration that does. */
  cheapestFit: FittedInstance | null;
  /** The same search without the budget cap, when the capped one found nothing. */
  overBudget: ComputeSearchResult | null;
  /** Cheapest option after quantizing, when over budget and quantization applies. */
  quantizedAlternative: { precision: string; memoryGb: number; compute: ComputeSearchResult } | null;
  spotAlternative: ComputeSearchResult | null;
  /** The deployed checkpoint first, then other matches. */
  models: HfSearchResult;
  /** Each component of the plan with its charts (install order). */
  components: { component: ComponentPlan; charts: ChosenChart[] }[];
  /** Charts for other tools the user asked for. */
  extraPackages: { query: ChartQuery; result: K8sSearchResult }[];
  /** Optional: for clusters without NVIDIA drivers. */
  gpuOperator: ChosenChart | null;
  /** Serving stacks the user named that the plan does not install (one serving stack). */
  skippedStacks: string[];
  computeQuery: ComputeSearchInput;
  /** Every part's deployment and the node pools (absent on facts built by older tests: one part on compute[0]). */
  stack?: StackPlan;
  /** A served LLM on compute[0]: speed, replicas for the load, $/1M tokens (absent when no figures). */
  performance?: Performance | null;
  /** Training / fine-tuning on compute[0]: the whole run (absent when no figures). */
  job?: Job | null;
}

/** How one part of the stack is deployed (same order as ArchitectFacts.components). */
export interface PartPlan {
  node: string | null;
  resources: Resources | null;
  replicas: number;
  gpus_per_replica: number;
  basis: string[];
  model_id: string | null;
  precision?: "fp32" | "bf16" | "fp16" | "fp8" | "int8" | "int4" | null;
  memory_per_gpu_gb?: { needed: number; usable: number } | null;
  profiles?: NotebookProfile[];
  users?: number | null;
  fits: boolean;
}

/**
 * What kind of plan this is: a model on GPUs (the classic plan), a model on CPUs, platforms and
 * tools only, or a development environment for a team.
 */
export type StackKind = "gpu_model" | "cpu_model" | "platform" | "dev";

export interface StackPlan {
  kind: StackKind;
  parts: PartPlan[];
  nodes: StackNode[];
  /** Why the stack is laid out this way (one node vs a GPU node plus a CPU node), with costs. */
  notes: string[];
}

export type { DeploymentPlan };
