/**
 * Sensible defaults for whatever the user left open, each stated as an assumption string.
 * Pure: the same spec and extras always give the same result.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { checkpointPrecision } from "@/lib/sizing";
import { withSize } from "./offline/models";
import { formatParams } from "./offline/normalize";
import { finalizeParts, isPlatformOnly } from "./parts";
import { emptyExtras, type Modality, type ReferenceModel, type RequirementsExtras } from "./types";

export const DEFAULT_CONTEXT = 4096;

/** Typical models used for sizing when the user named none. */
const REFERENCE_BY_WORKLOAD: Record<string, ReferenceModel> = {
  "object detection": { name: "YOLOv8m", hf_id: "Ultralytics/YOLOv8", params_b: 0.0259 },
  "image classification": { name: "ViT-B/16", hf_id: "google/vit-base-patch16-224", params_b: 0.086 },
  "image segmentation": { name: "SAM ViT-H", hf_id: "facebook/sam-vit-huge", params_b: 0.636 },
  OCR: { name: "TrOCR large", hf_id: "microsoft/trocr-large-printed", params_b: 0.558 },
  "speech recognition": { name: "Whisper large-v3", hf_id: "openai/whisper-large-v3", params_b: 1.55 },
  "text to speech": { name: "XTTS v2", hf_id: "coqui/XTTS-v2", params_b: 0.47 },
  "text to image": { name: "SDXL", hf_id: "stabilityai/stable-diffusion-xl-base-1.0", params_b: 3.5 },
  "video generation": { name: "CogVideoX 5B", hf_id: "THUDM/CogVideoX-5b", params_b: 5 },
  embeddings: { name: "bge-large-en-v1.5", hf_id: "BAAI/bge-large-en-v1.5", params_b: 0.335 },
  "vision-language": { name: "Qwen2.5-VL 7B", hf_id: "Qwen/Qwen2.5-VL-7B-Instruct", params_b: 8.3 },
  "code assistant": { name: "Qwen2.5-Coder 7B Instruct", hf_id: "Qwen/Qwen2.5-Coder-7B-Instruct", params_b: 7.6 },
  "text classification": { name: "DeBERTa-v3 base", hf_id: "microsoft/deberta-v3-base", params_b: 0.184 },
};

const LLM_REFERENCE: ReferenceModel = { name: "Llama 3.1 8B Instruct", hf_id: "meta-llama/Llama-3.1-8B-Instruct", params_b: 8 };

const REFERENCE_BY_MODALITY: Partial<Record<Modality, ReferenceModel>> = {
  llm: LLM_REFERENCE,
  multimodal: REFERENCE_BY_WORKLOAD["vision-language"],
  image_generation: REFERENCE_BY_WORKLOAD["text to image"],
  speech: REFERENCE_BY_WORKLOAD["speech recognition"],
  vision: REFERENCE_BY_WORKLOAD["object detection"],
  embedding: REFERENCE_BY_WORKLOAD.embeddings,
};

export function referenceModelFor(spec: WorkloadSpec): ReferenceModel | null {
  if (spec.workload && REFERENCE_BY_WORKLOAD[spec.workload]) return REFERENCE_BY_WORKLOAD[spec.workload];
  if (spec.modality && REFERENCE_BY_MODALITY[spec.modality]) return REFERENCE_BY_MODALITY[spec.modality] ?? null;
  return null;
}

export interface DefaultsResult {
  spec: WorkloadSpec;
  assumptions: string[];
  /** Typical model for sizing when no model (or no size) is known. */
  reference_model: ReferenceModel | null;
}

const MODALITY_LABEL: Record<Modality, string> = {
  llm: "LLM workloads",
  multimodal: "vision-language workloads",
  image_generation: "image generation",
  speech: "speech recognition",
  vision: "computer vision",
  embedding: "embeddings",
  other: "this workload",
};

const isTextLike = (m: Modality | undefined) => m === "llm" || m === "multimodal";

function formatTokens(n: number): string {
  if (n >= 1048576 && n % 1048576 === 0) return `${n / 1048576}M`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024}K`;
  return String(n);
}

export function applyDefaults(input: WorkloadSpec, extrasIn?: Partial<RequirementsExtras>): DefaultsResult {
  const extras: RequirementsExtras = { ...emptyExtras(), ...(extrasIn ?? {}) };
  const spec: WorkloadSpec = structuredClone(input);
  const assumptions: string[] = [];
  const name = spec.model?.name ?? spec.model?.hf_id;
  const platformOnly = isPlatformOnly(spec);
  if (platformOnly) {
    // Tools and platforms only: nothing is served or trained, so no model, precision or context is assumed.
    if (!spec.task) spec.task = spec.components?.some((c) => c.kind === "notebooks") ? "development" : "other";
    delete spec.modality;
    assumptions.push("Platform only: no model is deployed, so none is sized; the platform is sized from its users, data and request rate.");
  }

  // Task
  if (!spec.task) {
    spec.task = "inference";
    assumptions.push(name ? `No task given: assuming you want to serve ${name} (inference).` : "No task given: assumed inference (serving a model).");
  }

  // Model size when a family was named without one
  if (spec.model?.name && spec.model.params_b === undefined && !spec.model.hf_id && extras.model_default_params_b) {
    const p = extras.model_default_params_b;
    const original = spec.model.name;
    spec.model = { ...spec.model, name: withSize(original, p), params_b: p };
    assumptions.push(`${original} without a size: assumed ${formatParams(p)}.`);
  }

  // Modality
  if (!spec.modality && spec.task !== "development" && !platformOnly) {
    spec.modality = "llm";
    assumptions.push("No model or workload given: assumed a general-purpose LLM.");
  }

  // Reference model for sizing
  let reference_model: ReferenceModel | null = null;
  if (spec.model?.params_b === undefined && !spec.model?.hf_id && !platformOnly) {
    reference_model = referenceModelFor(spec);
    if (reference_model) {
      const what = spec.workload ?? MODALITY_LABEL[spec.modality ?? "other"];
      assumptions.push(`No model named: sized on ${reference_model.name} (${formatParams(reference_model.params_b)} params), a typical choice for ${what}.`);
    }
  }
  const params = spec.model?.params_b ?? reference_model?.params_b;

  // Fine-tuning method
  if (spec.task === "fine_tuning" && !spec.fine_tune_method) {
    if (!isTextLike(spec.modality) && spec.modality !== "image_generation") {
      spec.fine_tune_method = "full";
      assumptions.push("Fine-tuning method: full fine-tuning (usual for smaller vision/speech/encoder models).");
    } else if (params !== undefined && params <= 3) {
      spec.fine_tune_method = "full";
      assumptions.push(`Fine-tuning method: full fine-tuning (the model is small, ${formatParams(params)}).`);
    } else if (params !== undefined && params > 100) {
      spec.fine_tune_method = "qlora";
      assumptions.push(`Fine-tuning method: QLoRA (4-bit base weights), since the model is very large (${formatParams(params)}).`);
    } else {
      spec.fine_tune_method = "lora";
      assumptions.push(
        params !== undefined && params > 13
          ? `Fine-tuning method: LoRA (full fine-tuning a ${formatParams(params)} model needs about 16 bytes per parameter).`
          : "Fine-tuning method: LoRA (much less memory than full fine-tuning).",
      );
    }
  }

  // Precision (nothing to size on a platform-only plan)
  const serving = spec.task === "inference" || spec.task === "batch_processing";
  const checkpoint =
    !spec.precision && serving && spec.model ? checkpointPrecision({ modelName: spec.model.name, hfId: spec.model.hf_id, paramsB: spec.model.params_b }) : null;
  if (!spec.precision && !platformOnly) {
    if (spec.task === "fine_tuning" && spec.fine_tune_method === "qlora") {
      spec.precision = "int4";
      assumptions.push("Precision: 4-bit base weights (QLoRA) with bf16 adapters.");
    } else if (spec.task === "training" || spec.task === "fine_tuning") {
      spec.precision = "bf16";
      assumptions.push("Precision: bf16 mixed precision for training.");
    } else if ((isTextLike(spec.modality) || !spec.modality) && checkpoint) {
      // A checkpoint published quantized (GPT-OSS MXFP4, DeepSeek-V3 FP8) or named so ("…-AWQ") is
      // served in that format: a generic bf16/fp8 default would size (and buy) the wrong memory.
      spec.precision = checkpoint.precision;
      const what = checkpoint.modelName ?? name ?? "The model";
      assumptions.push(
        checkpoint.source === "native"
          ? `Precision: ${checkpoint.precision} — ${what} is published in ${checkpoint.label}, served as is.`
          : `Precision: ${checkpoint.precision}, as named in the checkpoint id.`,
      );
    } else if (isTextLike(spec.modality) || !spec.modality) {
      if (params !== undefined && params > 80) {
        spec.precision = "fp8";
        assumptions.push(`Precision: fp8 (bf16 weights alone would need about ${Math.round(params * 2)} GB).`);
      } else {
        spec.precision = "bf16";
        assumptions.push("Precision: bf16; fp8 or 4-bit (AWQ/GPTQ) would need roughly half or a quarter of the weight memory and might be cheaper.");
      }
    } else {
      spec.precision = "fp16";
      assumptions.push("Precision: fp16 (the usual choice for diffusion, speech and vision models).");
    }
  }

  // Context length (text models only)
  if (isTextLike(spec.modality) && !spec.context_length) {
    const max = extras.model_max_context;
    const ctx = max && max < DEFAULT_CONTEXT ? max : DEFAULT_CONTEXT;
    spec.context_length = ctx;
    assumptions.push(
      max && max > ctx
        ? `Context length: ${formatTokens(ctx)} tokens (the model supports up to ${formatTokens(max)}; ask for more if needed).`
        : `Context length: ${formatTokens(ctx)} tokens.`,
    );
  }

  // Concurrency (serving and batch jobs)
  if ((spec.task === "inference" || spec.task === "batch_processing") && !spec.concurrency && !platformOnly) {
    if (extras.batch_size) {
      spec.concurrency = extras.batch_size;
      assumptions.push(`Concurrency: ${extras.batch_size} (from the batch size).`);
    } else if (extras.requests_per_second) {
      spec.concurrency = Math.max(1, Math.ceil(extras.requests_per_second * 2));
      assumptions.push(`Concurrency: ${spec.concurrency} (${extras.requests_per_second} requests/s at about 2 s each).`);
    } else if (extras.users) {
      spec.concurrency = Math.max(1, Math.ceil(extras.users * 0.1));
      assumptions.push(`Concurrency: ${spec.concurrency} (about 10% of ${extras.users} users active at once).`);
    } else if (extras.daily_users) {
      spec.concurrency = Math.max(1, Math.ceil(extras.daily_users / 100));
      assumptions.push(`Concurrency: ${spec.concurrency} (from ${extras.daily_users} daily users).`);
    } else {
      spec.concurrency = 1;
      assumptions.push("Concurrency: 1 request at a time (say how many users to size for more).");
    }
  }

  // Budget and providers: no value is invented, but the reading is stated.
  if (spec.budget_monthly_usd === undefined) {
    assumptions.push(extras.budget_none ? "No budget limit." : "No budget given: the cheapest options that fit are ranked first.");
  }
  if (!spec.providers?.length) {
    assumptions.push(
      extras.excluded_providers.length
        ? `Any provider except ${extras.excluded_providers.join(", ")}.`
        : "No provider preference: every provider in the catalog is considered.",
    );
  }
  if (extras.excluded_gpus?.length) assumptions.push(`Left out, as asked: ${extras.excluded_gpus.join(", ")} GPUs.`);
  const parts = finalizeParts(spec);
  if (parts.length) spec.components = parts;
  if (spec.cpu_only) assumptions.push("CPU only, as asked: no GPU instance is considered.");
  return { spec, assumptions, reference_model };
}
