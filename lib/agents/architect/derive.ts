import {
  checkpointPrecision, estimateMemory, gpusNeeded, maxParamsForMemory, minTotalGpuMemoryGb, nominalGbFor, perGpuMemoryGb, SizingInputError, sizingInputFromSpec, type Precision,
} from "@/lib/sizing";
import type { Sizing } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { referenceModelFor } from "@/lib/agents/requirements/defaults";
import { MAX_REGION_TERMS, regionSearchTerms } from "@/lib/agents/requirements/offline/regions";
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
  const terms = codes.length ? codes : ri ? regionSearchTerms(ri) : [];
  return terms.length ? [...new Set(terms.map((t) => t.toLowerCase()))].slice(0, MAX_REGION_TERMS) : undefined;
}

/**
 * The compute search the plan needs. The user's GPU constraint ("2x24GB", "8 H100s", "a single
 * GPU") narrows the search; the sizing is always the floor (never dropped because of a pin):
 * total GPU memory whose usable share holds the total, and per GPU what one GPU must hold — the
 * whole workload when it does not shard (diffusion, detection, speech), its share over the pinned
 * GPU count when it does. Exact fits (TP, heads, per-GPU need) are checked on each result
 * (lib/sizing/parallelism.ts); `floors: false` searches on the constraint alone.
 */
export function deriveComputeQuery(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  sizing: Sizing,
  opts: { budgetCap: boolean; floors?: boolean; pins?: boolean },
): ComputeSearchInput {
  // CUDA stacks (vLLM, PyTorch, diffusers) want NVIDIA; tensor cores and bf16 need Volta or newer.
  // (Unless the user named a GPU, e.g. an AMD MI300X.)
  // A region wish is checked exactly after the search (regionMatchesIntent), so fetch more rows then.
  const top_k = hasRegionIntent(extras) ? 100 : 40;
  const pins = opts.pins !== false;
  const g = pins ? spec.gpu : undefined;
  const q: ComputeSearchInput = g?.model ? { gpu: "required", top_k } : { gpu: "required", top_k, gpu_vendor: "nvidia", modern_gpus_only: true };
  if (g?.model) q.gpu_model = g.model;
  if (g?.count) q.min_gpu_count = g.count;
  if (g?.memory_gb_per_gpu) q.min_gpu_memory_gb = g.memory_gb_per_gpu;
  if (pins && extras.total_gpu_memory_gb) q.min_total_gpu_memory_gb = extras.total_gpu_memory_gb;
  // The precision's hardware floor (bf16 → Ampere, fp8 → Ada/Hopper …). A GPU model the user named
  // is searched as named; warnings.ts says when it lacks the capability.
  const capability = requiredComputeCapability(spec);
  if (capability && !g?.model) q.min_compute_capability = capability.min;
  if (opts.floors !== false) {
    q.min_total_gpu_memory_gb = round1(Math.max(q.min_total_gpu_memory_gb ?? 0, minTotalGpuMemoryGb(sizing)));
    const perGpuNeed = !shards(spec) ? sizing.memory_gb_required : g?.count ? perGpuMemoryGb(sizing, g.count) : null;
    if (perGpuNeed !== null && Number.isFinite(perGpuNeed)) q.min_gpu_memory_gb = round1(Math.max(q.min_gpu_memory_gb ?? 0, nominalGbFor(perGpuNeed)));
    if (shards(spec) && g?.memory_gb_per_gpu && !g.count) {
      const n = gpusNeeded(sizing, g.memory_gb_per_gpu);
      if (n !== null && n > 1) q.min_gpu_count = n;
    }
  }
  if (spec.providers?.length) q.providers = spec.providers;
  if (extras.excluded_providers.length) q.exclude_providers = extras.excluded_providers;
  if (extras.excluded_gpus?.length) q.exclude_gpu_models = extras.excluded_gpus;
  const regions = regionTerms(spec, extras);
  if (regions) q.regions = regions;
  const cap = hourlyBudget(spec.budget_monthly_usd);
  if (opts.budgetCap && cap !== undefined) q.max_price_per_hour_usd = cap;
  return q;
}

/** Whether the user pinned the hardware (a GPU model, count, per-GPU or total memory). */
export function hardwarePinned(spec: WorkloadSpec, extras: RequirementsExtras): boolean {
  return !!(spec.gpu?.model || spec.gpu?.count || spec.gpu?.memory_gb_per_gpu || extras.total_gpu_memory_gb);
}

/** Workloads whose memory splits across GPUs (LLM serving with TP, training with ZeRO/FSDP). */
export function shards(spec: WorkloadSpec): boolean {
  return isLlm(spec) && (spec.task ?? "inference") !== "development";
}

/** Whether the user expressed a region wish (codes, areas, countries or excluded areas). */
export function hasRegionIntent(extras: RequirementsExtras): boolean {
  const ri = extras.region_intent;
  return !!ri && (ri.codes.length > 0 || ri.areas.length > 0 || ri.countries.length > 0 || ri.excluded_areas.length > 0 || !!ri.excluded_countries?.length);
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
  // A model resolved from its name: the very search that resolved it (memoized), whose matches are its family.
  if (spec.model?.hf_id && spec.model.name) return { query: spec.model.name, top_k: 5 };
  const named = spec.model?.hf_id ?? spec.model?.name;
  if (named) return { query: named.replace(/[/_-]+/g, " "), task, top_k: 5 };
  // No model named: the workload's words, and the most popular models of its task as candidates.
  const words = [spec.workload, MODALITY_WORDS[spec.modality ?? "llm"]].filter(Boolean).join(" ");
  // No model named: only suggest models that fit the memory the user has (GPU constraint), if any.
  const gpuMem = spec.gpu?.memory_gb_per_gpu && spec.gpu?.count ? spec.gpu.memory_gb_per_gpu * spec.gpu.count : extras.total_gpu_memory_gb;
  // Sized on a reference model: suggest models of about its size, not the task's most popular giant.
  const ref = extras.reference_model?.params_b;
  const max = !isLlm(spec) ? undefined : gpuMem ? maxParamsForMemory(gpuMem, spec.precision ?? "bf16", spec.task ?? "inference") : ref ? ref * 1.5 : undefined;
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

function round1(x: number) {
  return Math.ceil(x * 10) / 10;
}

/** The GPU generation a precision needs, and the plan's assumption line saying so. */
export interface CapabilityRule {
  /** Minimum CUDA compute capability. */
  min: number;
  precision: Precision;
  /** What needs it, for messages ("bf16", "QLoRA (bf16 adapters over a 4-bit base)"). */
  what: string;
  /** The assumption line recorded in the plan. */
  assumption: string;
}

/** Compute capability → the oldest NVIDIA generation that has it. */
export function generationName(cc: number): string {
  if (cc >= 12) return "Blackwell (consumer)";
  if (cc >= 10) return "Blackwell";
  if (cc >= 9) return "Hopper";
  if (cc >= 8.9) return "Ada/Hopper";
  if (cc >= 8) return "Ampere";
  if (cc >= 7.5) return "Turing";
  if (cc >= 7) return "Volta";
  if (cc >= 6) return "Pascal";
  if (cc >= 5) return "Maxwell";
  return "Kepler";
}

/** Oldest cards a floor leaves out, named so the reader knows what "compute capability ≥ X" means. */
const LEFT_OUT: [number, string][] = [
  [8.9, "A100, A10G and older are left out"],
  [8.0, "V100 and T4 are left out"],
  [7.5, "V100 and older are left out"],
  [7.0, "pre-Volta cards (K80, P4, P100 …) are left out"],
];

/** Minimum compute capability per precision: fp16 tensor cores (Volta), int8/int4 kernels (Turing), bf16 (Ampere), fp8 (Ada/Hopper). */
const PRECISION_FLOOR: Record<Precision, number | null> = { fp32: null, fp16: 7.0, int8: 7.5, int4: 7.5, bf16: 8.0, fp8: 8.9 };

function rule(min: number, precision: Precision, what: string, why: string): CapabilityRule {
  const leftOut = LEFT_OUT.find(([cc]) => cc === min)?.[1];
  return {
    min, precision, what,
    assumption: `${why} needs ${/^[AEIOU]/.test(generationName(min)) ? "an" : "a"} ${generationName(min)}-or-newer GPU (compute capability ≥ ${min.toFixed(1)})${leftOut ? `: ${leftOut}` : ""}.`,
  };
}

/**
 * The minimum CUDA compute capability the spec's precision needs, or null when any modern GPU does
 * (fp32, development boxes). Inference: fp16 → 7.0, int8/int4 (AWQ/GPTQ, bitsandbytes) → 7.5,
 * bf16 → 8.0, fp8 → 8.9; a checkpoint that keeps part of its weights in bf16 (GPT-OSS MXFP4) needs
 * 8.0 too. Training/fine-tuning: bf16 mixed precision and QLoRA (bf16 adapters) → 8.0, fp16 → 7.0,
 * fp8 → 8.9.
 */
export function requiredComputeCapability(spec: WorkloadSpec): CapabilityRule | null {
  const task = spec.task ?? "inference";
  if (task === "development") return null;
  const training = task === "training" || task === "fine_tuning";
  const llm = isLlm(spec);
  const checkpoint = !training && spec.model ? checkpointPrecision({ modelName: spec.model.name, hfId: spec.model.hf_id, paramsB: spec.model.params_b }) : null;
  const precision: Precision = spec.precision ?? (training ? "bf16" : (checkpoint?.precision ?? (llm ? "bf16" : "fp16")));
  if (training) {
    const qlora = spec.fine_tune_method === "qlora" || (task === "fine_tuning" && (precision === "int4" || precision === "int8"));
    if (qlora) return rule(8.0, precision, "QLoRA", "QLoRA (bf16 adapters and compute over the quantized base)");
    const floor = PRECISION_FLOOR[precision];
    if (floor === null) return null;
    // Quantized full training does not exist: it runs in bf16 mixed precision (see the sizing).
    if (precision === "int4" || precision === "int8") return rule(8.0, "bf16", "bf16", "bf16 mixed-precision training");
    return rule(floor, precision, precision, `${precision} ${precision === "fp8" ? "" : "mixed-precision "}training`);
  }
  const floor = PRECISION_FLOOR[precision];
  // text-embeddings-inference ships Turing-or-newer builds only (no Volta, no older).
  if (spec.modality === "embedding" && (floor ?? 0) < 7.5) return rule(7.5, precision, `${precision} embeddings`, "text-embeddings-inference");
  if (floor === null) return null;
  if (checkpoint?.source === "native" && checkpoint.precision === precision && checkpoint.keepsBf16 && floor < 8.0) {
    return rule(8.0, precision, `${checkpoint.modelName ?? "the model"}'s ${checkpoint.label} checkpoint`, `${checkpoint.modelName ?? "The model"}'s ${checkpoint.label} checkpoint`);
  }
  const why =
    precision === "int4" || precision === "int8"
      ? llm ? `${precision} (AWQ/GPTQ) inference with vLLM's quantized kernels` : `${precision} inference`
      : precision;
  return rule(floor, precision, precision, why);
}
