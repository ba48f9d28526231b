/**
 * Runs every offline extractor over one piece of user text and combines the results into a
 * partial WorkloadSpec plus extras. Cross-field rules live here (and only here):
 *  - "train <pretrained LLM>" is fine-tuning unless "from scratch"/"pretrain" was said;
 *  - modality comes from the model, else from the workload, else a bare ≥1B size means an LLM;
 *  - serving tools (vLLM, TGI, Ollama …) imply inference when nothing else names a task;
 *  - a model named with its use ("Whisper for transcription") or a serving load ("for 200 users")
 *    is inference when nothing else names a task.
 * Old values in corrections ("GCP instead of AWS") are blanked out first (replace.ts), and the
 * fields the text replaces rather than extends are returned in `replace`.
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
import { readReplacements } from "./replace";
import { extractSpot } from "./spot";
import { extractTask } from "./task";
import { extractTools } from "./tools";
import { extractWorkload } from "./workload";
import { extractComponents } from "./components";
import { extractCpuOnly, extractGpuSharing } from "./hardware-intent";
import { extractDataGb } from "./data-size";
import { extractModels } from "./models";
import { unknownProductName } from "./unknown-names";
import { readTypos } from "./typos";
import { extractJobData } from "./job-data";
import { extractServiceTarget } from "./service-target";
import { normalizeText, type NormalizedText } from "./normalize";
import { utteranceOf, type Utterance } from "./utterance";

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

/**
 * Reads one message: the single normalization pass (normalize.ts: unicode, language, every
 * language's cues and number words in English), then typo corrections and blanked-out old values
 * on that text, then every field extractor on the one Utterance. `input` may be normalized already
 * (a reply with the picked options appended, answers.ts).
 */
export function extractFromText(input: string | NormalizedText): TextExtraction {
  const said = typeof input === "string" ? normalizeText(input) : input;
  const { language } = said;
  // Names typed with a typo ("lama 3.1 8b", "kubernets", "A1OO") are read as the one name they are close to.
  const typos = readTypos(said.text);
  // "GCP instead of AWS": the old value is blanked out before any extractor reads the text.
  const replacement = readReplacements(utteranceOf({ text: typos.text, language }));
  const text = utteranceOf({ text: replacement.text, language });
  const focus = replacement.focus && replacement.focus !== text.text.trim() ? utteranceOf({ text: replacement.focus, language }) : null;
  // Single-value fields: a replacing clause ("… but switch to H100s") wins over the first mention.
  const focused = <T>(extract: (s: Utterance) => T, found: (v: T) => boolean): T => {
    if (focus) {
      const v = extract(focus);
      if (found(v)) return v;
    }
    return extract(text);
  };
  const model = focused(extractModel, (m) => !!(m.model?.name || m.model?.hf_id));
  const task = extractTask(text);
  const workload = extractWorkload(text);
  const precision = focused(extractPrecision, (p) => !!p.precision);
  const budget = extractBudget(text);
  const gpu = focused(extractGpu, (g) => !!g.gpu?.model);
  const providers = extractProviders(text);
  const regions = extractRegions(text);
  const spot = extractSpot(text);
  const tools = extractTools(text);
  const context = extractContext(text);
  const load = extractConcurrency(text);
  const cpuOnly = extractCpuOnly(text);
  const dataGb = extractDataGb(text);
  const job = extractJobData(text);
  const target = extractServiceTarget(text);

  const notes: string[] = [...typos.corrections.map((c) => `"${c.typed}" read as ${c.read}.`), ...model.notes];
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
  // A model named together with what it is used for ("Whisper large for transcription", "a 7B model
  // to summarize tickets") or with a serving load ("Llama 3 8B for 200 users") is run, not trained.
  const usage = !!task.usage || (!!workload.workload && !workload.generic);
  const hasModel = named || model.model?.params_b !== undefined;
  if (!taskValue && hasModel && usage) taskValue = "inference";
  if (!taskValue && (load.users || load.daily_users || load.concurrency || load.requests_per_second)) taskValue = "inference";

  if (budget.notes.length) notes.push(...budget.notes);
  if (precision.note) notes.push(precision.note);
  notes.push(...gpu.notes);

  const parts = extractComponents({ text, mentions: extractModels(text), primaryModality: modality, tools: tools.tools, workload: workload.workload });
  if (parts.implied.length) notes.push(`A RAG stack needs ${parts.implied.map((k) => (k === "vector_db" ? "a vector database" : "an embeddings model")).join(" and ")}: added to the plan.`);
  // A team's notebooks with nothing to serve is a development environment.
  if (!taskValue && parts.components.some((c) => c.kind === "notebooks") && !hasModel) taskValue = "development";

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
    components: parts.components,
    cpu_only: cpuOnly,
    users: load.users,
    requests_per_second: load.requests_per_second,
    data_gb: dataGb,
    budget_per_run_usd: budget.budget_per_run_usd,
    // A job's data belongs to training and fine-tuning (or a turn that names no task yet).
    ...(taskValue === "training" || taskValue === "fine_tuning" || taskValue === undefined
      ? { dataset_examples: job.dataset_examples, avg_example_tokens: job.avg_example_tokens, dataset_tokens: job.dataset_tokens, epochs: job.epochs }
      : {}),
    target_tokens_per_s: target.target_tokens_per_s,
    target_ttft_ms: target.target_ttft_ms,
    avg_prompt_tokens: target.avg_prompt_tokens,
    avg_output_tokens: target.avg_output_tokens,
  });

  const extras: TextExtras = {
    excluded_providers: providers.excluded_providers,
    excluded_gpus: gpu.excluded,
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
    usage: usage || undefined,
    gpu_sharing: extractGpuSharing(text),
    fast_target: target.fast,
    out_of_range: job.out_of_range ?? target.out_of_range,
    model_ambiguous: typos.ambiguous && !named ? typos.ambiguous : undefined,
    unknown_name: !named && !modality && !tools.tools.length && !parts.components.length ? unknownProductName(text) : undefined,
  };
  for (const k of Object.keys(extras) as (keyof TextExtras)[]) {
    const v = extras[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) delete extras[k];
  }
  return replacement.fields.length ? { spec, extras, replace: replacement.fields } : { spec, extras };
}
