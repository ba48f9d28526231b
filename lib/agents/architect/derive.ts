import { estimateMemory, gpusNeeded, maxParamsForMemory, minTotalGpuMemoryGb, SizingInputError, sizingInputFromSpec } from "@/lib/sizing";
import type { Sizing } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { referenceModelFor } from "@/lib/agents/requirements/defaults";
import { HOURS_PER_MONTH } from "@/lib/search/compute-ranking";

/** Memory sizing for the spec; a named-model-less request is sized on its reference model. */
export function sizeWorkload(spec: WorkloadSpec, extras: RequirementsExtras): Sizing {
  const input = sizingInputFromSpec(spec);
  const ref = extras.reference_model;
  if (!input.modelName && !input.hfId && input.paramsB === undefined && ref) {
    try {
      return estimateMemory({ ...input, modelName: ref.name, hfId: ref.hf_id, paramsB: ref.params_b });
    } catch {
      /* fall through to the workload-only sizing */
    }
  }
  try {
    return estimateMemory(input);
  } catch (err) {
    // Nothing to size on (e.g. a development environment with no model or workload named): size
    // on the general-purpose LLM reference model and say so, rather than failing the whole plan.
    const fallback = referenceModelFor({ modality: "llm" });
    if (!(err instanceof SizingInputError) || !fallback || input.modelName || input.hfId || input.paramsB !== undefined) throw err;
    const s = estimateMemory({ ...input, modality: "llm", modelName: fallback.name, hfId: fallback.hf_id, paramsB: fallback.params_b });
    return { ...s, assumptions: [`Nothing named to size: sized for a typical ${fallback.name} (${fallback.params_b}B) model.`, ...s.assumptions] };
  }
}

/** Budget per hour from a monthly budget (730 h/month), rounded down to the cent. */
export function hourlyBudget(monthly: number | undefined): number | undefined {
  return monthly === undefined ? undefined : Math.floor((monthly / HOURS_PER_MONTH) * 100) / 100;
}

const isLlm = (spec: WorkloadSpec) => !spec.modality || spec.modality === "llm" || spec.modality === "multimodal";

/** Region filter terms from the spec and the understood region intent. */
export function regionTerms(spec: WorkloadSpec, extras: RequirementsExtras): string[] | undefined {
  const ri = extras.region_intent;
  // Region codes the user typed ("eu-west-1") are the filter; the broad area prefixes of those
  // codes ("eu-", "europe-") would widen it to the whole area. Areas/countries only without codes.
  const codes = [...(spec.regions ?? []), ...(ri?.codes ?? [])];
  const terms = codes.length ? codes : [...(ri?.prefixes ?? []), ...(ri?.countries ?? []), ...(ri?.areas ?? []).flatMap((a) => AREA_WORDS[a] ?? [])];
  return terms.length ? [...new Set(terms.map((t) => t.toLowerCase()))] : undefined;
}

/**
 * The compute search the plan needs. An explicit GPU constraint ("2x24GB", "8 H100s") is honoured
 * as given; otherwise the sizing decides: total GPU memory ≥ required / 0.9, and for workloads that
 * do not shard across GPUs (diffusion, detection, speech) each GPU must hold it alone.
 */
export function deriveComputeQuery(spec: WorkloadSpec, extras: RequirementsExtras, sizing: Sizing, opts: { budgetCap: boolean }): ComputeSearchInput {
  // CUDA stacks (vLLM, PyTorch, diffusers) want NVIDIA; tensor cores and bf16 need Volta or newer.
  // (Unless the user named a GPU, e.g. an AMD MI300X.)
  // A region wish is checked exactly after the search (regionMatchesIntent), so fetch more rows then.
  const top_k = hasRegionIntent(extras) ? 100 : 40;
  const q: ComputeSearchInput = spec.gpu?.model
    ? { gpu: "required", top_k }
    : { gpu: "required", top_k, gpu_vendor: "nvidia", modern_gpus_only: true };
  const need = minTotalGpuMemoryGb(sizing);
  if (spec.gpu?.model) q.gpu_model = spec.gpu.model;
  if (spec.gpu?.count) q.min_gpu_count = spec.gpu.count;
  if (spec.gpu?.memory_gb_per_gpu) q.min_gpu_memory_gb = spec.gpu.memory_gb_per_gpu;
  if (extras.total_gpu_memory_gb) q.min_total_gpu_memory_gb = extras.total_gpu_memory_gb;
  const userPinnedGpus = !!(spec.gpu?.model || spec.gpu?.count || spec.gpu?.memory_gb_per_gpu || extras.total_gpu_memory_gb);
  if (!userPinnedGpus) {
    q.min_total_gpu_memory_gb = round1(need);
    if (!isLlm(spec)) q.min_gpu_memory_gb = round1(need);
  }
  if (spec.providers?.length) q.providers = spec.providers;
  if (extras.excluded_providers.length) q.exclude_providers = extras.excluded_providers;
  const regions = regionTerms(spec, extras);
  if (regions) q.regions = regions;
  const cap = hourlyBudget(spec.budget_monthly_usd);
  if (opts.budgetCap && cap !== undefined) q.max_price_per_hour_usd = cap;
  return q;
}

/**
 * Catalog region words of each area that the prefixes miss: ISO country / continent tokens used by
 * marketplaces ("Michigan, US, NA", "Romania, RO, EU", "US"). Over-broad matches are removed by
 * the exact region check after the search.
 */
const AREA_WORDS: Record<string, string[]> = {
  us: ["us"], canada: ["ca"], south_america: ["sa", "br"], eu: ["eu"], middle_east: ["il", "ae"], africa: ["af", "za"],
  asia: ["as", "jp", "kr", "sg", "tw", "hk"], india: ["in"], oceania: ["oc", "au", "nz"],
};

/** Whether the user expressed a region wish (codes, areas, countries or excluded areas). */
export function hasRegionIntent(extras: RequirementsExtras): boolean {
  const ri = extras.region_intent;
  return !!ri && (ri.codes.length > 0 || ri.areas.length > 0 || ri.countries.length > 0 || ri.excluded_areas.length > 0);
}

/** Tensor-parallel friendly GPU counts for sharded LLMs (vLLM needs heads divisible by TP). */
export function tpFriendly(gpuCount: number): boolean {
  return [1, 2, 4, 8, 16].includes(gpuCount);
}

/** The Hugging Face search for the plan: the named model, else the workload, within what fits. */
export interface ModelQuery {
  query: string;
  task?: string;
  top_k: number;
  popular_in_task?: boolean;
  max_params_b?: number;
}

export function deriveModelQuery(spec: WorkloadSpec, extras: RequirementsExtras, sizing: Sizing): ModelQuery {
  const task = taskFilter(spec);
  const named = spec.model?.hf_id ?? spec.model?.name;
  if (named) return { query: named.replace(/[/_-]+/g, " "), task, top_k: 5 };
  // No model named: the workload's words, and the most popular models of its task as candidates.
  const words = [spec.workload, MODALITY_WORDS[spec.modality ?? "llm"]].filter(Boolean).join(" ");
  // No model named: only suggest models that fit the memory the user has (GPU constraint), if any.
  const gpuMem = spec.gpu?.memory_gb_per_gpu && spec.gpu?.count ? spec.gpu.memory_gb_per_gpu * spec.gpu.count : extras.total_gpu_memory_gb;
  const max = gpuMem && isLlm(spec) ? maxParamsForMemory(gpuMem * 0.9, spec.precision ?? "bf16", spec.task ?? "inference") : undefined;
  return {
    query: words || "instruct",
    task,
    top_k: 5,
    popular_in_task: !!task,
    ...(max ? { max_params_b: Math.max(0.1, Math.round(max * 10) / 10) } : {}),
  };
}

const MODALITY_WORDS: Record<string, string> = {
  llm: "instruct chat",
  vision: "vision",
  image_generation: "text to image diffusion",
  speech: "speech recognition",
  embedding: "sentence embeddings",
  multimodal: "vision language",
  other: "",
};

export function taskFilter(spec: WorkloadSpec): string | undefined {
  const w = (spec.workload ?? "").toLowerCase();
  if (/detect/.test(w)) return "object-detection";
  if (/segment/.test(w)) return "image-segmentation";
  if (/classif/.test(w) && spec.modality === "vision") return "image-classification";
  switch (spec.modality) {
    case "llm":
      return "text-generation";
    case "image_generation":
      return "text-to-image";
    case "speech":
      return /speech|tts|voice synth/.test(w) && !/recogn|transcri/.test(w) ? "text-to-speech" : "automatic-speech-recognition";
    case "embedding":
      return "feature-extraction";
    case "multimodal":
      return "image-text-to-text";
    default:
      return undefined;
  }
}

/** How many GPUs of the chosen card the workload needs (null when it cannot fit even 8). */
export function gpusFor(sizing: Sizing, perGpuGb: number | null | undefined): number | null {
  return perGpuGb ? gpusNeeded(sizing, perGpuGb) : null;
}

function round1(x: number) {
  return Math.ceil(x * 10) / 10;
}
