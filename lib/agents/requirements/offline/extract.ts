/**
 * Runs every offline extractor over one piece of user text and combines the results into a
 * partial WorkloadSpec plus extras. Cross-field rules live here (and only here):
 *  - "train <pretrained LLM>" is fine-tuning unless "from scratch"/"pretrain" was said;
 *  - modality comes from the model, else from the workload, else a bare ≥1B size means an LLM;
 *  - serving tools (vLLM, TGI, Ollama …) imply inference when nothing else names a task.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { TextExtraction, TextExtras } from "../types";
import { extractBudget } from "./budget";
import { extractConcurrency } from "./concurrency";
import { extractContext } from "./context";
import { extractGpu } from "./gpu";
import { extractModel } from "./models";
import { extractPrecision } from "./precision";
import { extractProviders } from "./providers";
import { extractRegions } from "./regions";
import { extractSpot } from "./spot";
import { extractTask } from "./task";
import { extractTools } from "./tools";
import { extractWorkload } from "./workload";

const SERVING_TOOLS = new Set(["vllm", "tgi", "triton", "tensorrt-llm", "sglang", "kserve", "ollama", "open-webui", "seldon", "bentoml", "llama.cpp", "comfyui", "stable-diffusion-webui", "litellm"]);

const LLM_TOOLS = new Set(["vllm", "tgi", "tensorrt-llm", "sglang", "ollama", "open-webui", "llama.cpp", "litellm"]);
const IMAGE_TOOLS = new Set(["comfyui", "stable-diffusion-webui"]);

/** Drops undefined values and empty arrays/objects (shallow, plus one level for model/gpu). */
export function compactSpec(spec: WorkloadSpec): WorkloadSpec {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === "object" && !Array.isArray(v)) {
      const inner = Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined && x !== null));
      if (Object.keys(inner).length === 0) continue;
      out[k] = inner;
      continue;
    }
    out[k] = v;
  }
  return out as WorkloadSpec;
}

export function extractFromText(text: string): TextExtraction {
  const model = extractModel(text);
  const task = extractTask(text);
  const workload = extractWorkload(text);
  const precision = extractPrecision(text);
  const budget = extractBudget(text);
  const gpu = extractGpu(text);
  const providers = extractProviders(text);
  const regions = extractRegions(text);
  const spot = extractSpot(text);
  const tools = extractTools(text);
  const context = extractContext(text);
  const load = extractConcurrency(text);

  const notes: string[] = [...model.notes];
  let taskValue = task.task;
  const named = !!(model.model?.name || model.model?.hf_id);
  let modality = model.modality ?? workload.modality;
  if (!modality && model.model?.params_b !== undefined && model.model.params_b >= 1) modality = "llm";
  if (!modality && tools.tools.some((t) => LLM_TOOLS.has(t))) modality = "llm";
  if (!modality && tools.tools.some((t) => IMAGE_TOOLS.has(t))) modality = "image_generation";

  if (taskValue === "training" && named && !task.from_scratch && modality && modality !== "vision") {
    taskValue = "fine_tuning";
    notes.push(`Training an existing pretrained model (${model.model?.name ?? model.model?.hf_id}) is treated as fine-tuning; say "from scratch" to pre-train instead.`);
  }
  if (!taskValue && tools.tools.some((t) => SERVING_TOOLS.has(t))) taskValue = "inference";

  if (budget.notes.length) notes.push(...budget.notes);
  if (precision.note) notes.push(precision.note);
  notes.push(...gpu.notes);

  const spec: WorkloadSpec = compactSpec({
    task: taskValue,
    modality,
    model: model.model,
    precision: precision.precision,
    gpu: gpu.gpu,
    budget_monthly_usd: budget.budget_monthly_usd,
    providers: providers.providers,
    regions: regions.regions,
    spot_ok: spot.spot_ok,
    tools: tools.tools,
    context_length: context.context_length,
    concurrency: load.concurrency,
    fine_tune_method: taskValue === "fine_tuning" || taskValue === undefined ? task.fine_tune_method : undefined,
    workload: workload.workload,
  });

  const extras: TextExtras = {
    excluded_providers: providers.excluded_providers,
    region_intent: regions.intent,
    budget_none: budget.budget_none,
    notes,
    model_alternatives: model.alternatives,
    gpu_alternatives: gpu.alternatives,
    model_family: model.family,
    model_size_options: model.size_options,
    model_default_params_b: model.default_params_b,
    model_max_context: model.max_context,
    closed_model: model.closed_model,
    users: load.users,
    daily_users: load.daily_users,
    requests_per_second: load.requests_per_second,
    batch_size: load.batch_size,
    total_gpu_memory_gb: gpu.total_gpu_memory_gb,
    gpu_memory_is_minimum: gpu.memory_is_minimum,
    on_prem: providers.on_prem,
    from_scratch: task.from_scratch,
  };
  for (const k of Object.keys(extras) as (keyof TextExtras)[]) {
    const v = extras[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete extras[k];
  }
  return { spec, extras };
}
