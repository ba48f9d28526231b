/**
 * Merging specs across turns, and reading a whole conversation into one spec.
 *  - Scalars: the later turn wins. Lists (providers, regions, tools): union, first-seen order —
 *    unless the turn replaces them ("actually use GCP instead", "switch to Europe", "GCP only";
 *    see offline/replace.ts), then the turn's values replace the earlier ones.
 *  - Model: a different name/hf_id replaces the model; a bare size ("70B") resizes the model
 *    named earlier; the same model merges field by field.
 *  - GPU: a different GPU model replaces model and memory (count is kept unless given).
 *  - Leaving fine-tuning drops fine_tune_method.
 */
import type { ClarificationQuestion, WorkloadComponent, WorkloadSpec } from "@/lib/schemas/workload-spec";
import { interpretReply, isAnswered } from "./offline/answers";
import { TTS_ROLE } from "./offline/components";
import { compactSpec, extractFromText } from "./offline/extract";
import { withSize } from "./offline/models";
import { uniq } from "./offline/normalize";
import { regionSearchTerms } from "./offline/regions";
import { emptyExtras, type ConversationTurn, type ReplaceField, type RequirementsExtras, type TextExtras } from "./types";

function unionLists(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a?.length) return b?.length ? [...b] : undefined;
  if (!b?.length) return [...a];
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()))];
}

function mergeModel(prev: WorkloadSpec["model"], next: WorkloadSpec["model"]): WorkloadSpec["model"] {
  if (!next) return prev;
  if (!prev) return { ...next };
  const nextNamed = !!(next.name || next.hf_id);
  if (!nextNamed) {
    // A bare size resizes the model named before ("Llama 3" + "70B" → "Llama 3 70B").
    if (next.params_b === undefined) return prev;
    const resized = prev.name && !prev.hf_id ? withSize(prev.name, next.params_b) : prev.name;
    const sameSize = prev.params_b === next.params_b;
    return compactSpec({ model: { name: resized, hf_id: sameSize ? prev.hf_id : undefined, params_b: next.params_b } }).model;
  }
  const same =
    (next.hf_id && prev.hf_id && next.hf_id.toLowerCase() === prev.hf_id.toLowerCase()) ||
    (next.name && prev.name && next.name.toLowerCase() === prev.name.toLowerCase());
  if (same) return { ...prev, ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) };
  return { ...next };
}

function mergeGpu(prev: WorkloadSpec["gpu"], next: WorkloadSpec["gpu"]): WorkloadSpec["gpu"] {
  if (!next) return prev;
  if (!prev) return { ...next };
  if (next.model && prev.model && next.model !== prev.model) {
    return compactSpec({ gpu: { count: next.count ?? prev.count, model: next.model, memory_gb_per_gpu: next.memory_gb_per_gpu } }).gpu;
  }
  return compactSpec({
    gpu: {
      count: next.count ?? prev.count,
      model: next.model ?? prev.model,
      memory_gb_per_gpu: next.memory_gb_per_gpu ?? prev.memory_gb_per_gpu,
    },
  }).gpu;
}

/**
 * Parts across turns: a part of a kind already present is updated (a new model replaces the old
 * one of that kind; a tool is filled in or — named differently — added); other parts are added.
 */
export function mergeComponents(prev: WorkloadComponent[] | undefined, next: WorkloadComponent[] | undefined, replaceModel = false): WorkloadComponent[] | undefined {
  if (!next?.length) return prev?.length ? prev.map((c) => ({ ...c })) : undefined;
  const out = (prev ?? []).map((c) => ({ ...c }));
  for (const c of next) {
    // A speech part that speaks (TTS) is not the one that transcribes, and the reverse.
    const speaks = (x: WorkloadComponent) => x.role === TTS_ROLE;
    const same = out.find((x) => x.kind === c.kind && (!x.tool || !c.tool || x.tool === c.tool) && speaks(x) === speaks(c));
    if (!same) {
      out.push({ ...c });
      continue;
    }
    if (c.model) same.model = replaceModel || !same.model ? { ...c.model } : { ...same.model, ...c.model };
    if (c.tool) same.tool = c.tool;
    if (c.role && !same.role) same.role = c.role;
  }
  return out;
}

/**
 * Later turns override scalars and extend lists — or replace them when the turn says so
 * (`replace`, from readReplacements: "actually use GCP instead", "switch to europe-west4"). Pure.
 */
export function mergeSpec(prev: WorkloadSpec, next: Partial<WorkloadSpec>, replace: readonly ReplaceField[] = []): WorkloadSpec {
  const merged: WorkloadSpec = { ...prev };
  for (const [k, v] of Object.entries(next) as [keyof WorkloadSpec, unknown][]) {
    if (v === undefined || v === null) continue;
    if (k === "model" || k === "gpu" || k === "providers" || k === "regions" || k === "tools" || k === "components") continue;
    (merged as Record<string, unknown>)[k] = v;
  }
  merged.model = mergeModel(prev.model, next.model);
  merged.gpu = mergeGpu(prev.gpu, next.gpu);
  const list = (field: "providers" | "regions" | "tools") =>
    replace.includes(field) && next[field]?.length ? [...next[field]] : unionLists(prev[field], next[field]);
  merged.providers = list("providers");
  // A new region wish replaces typed codes too ("switch to Europe" drops "us-east-1").
  merged.regions = replace.includes("regions") ? (next.regions?.length ? [...next.regions] : undefined) : list("regions");
  merged.tools = list("tools");
  merged.components = mergeComponents(prev.components, next.components, replace.includes("model"));
  // "CPU only" after GPUs were named (or GPUs after "CPU only") is the newer wish: kept as said; a
  // conflict within one turn is asked about (clarify.ts).
  if (next.gpu && (next.gpu.count || next.gpu.model) && next.cpu_only === undefined && prev.cpu_only) delete merged.cpu_only;
  if (next.cpu_only && !next.gpu && prev.gpu) delete merged.gpu;
  if (next.task && next.task !== "fine_tuning" && next.fine_tune_method === undefined) delete merged.fine_tune_method;
  // Switching to a different kind of workload ("now SDXL instead") drops the old workload label.
  if (next.modality && prev.modality && next.modality !== prev.modality && !next.workload) delete merged.workload;
  return compactSpec(merged);
}

/**
 * Merges per-turn extras: later scalars win, lists union, notes accumulate without repeats. A
 * replaced field (`replace`) takes this turn's region wish / alternatives instead of merging them.
 */
export function mergeExtras(prev: RequirementsExtras, next: TextExtras, replace: readonly ReplaceField[] = []): RequirementsExtras {
  const out: RequirementsExtras = { ...prev };
  for (const [k, v] of Object.entries(next) as [keyof RequirementsExtras, unknown][]) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      (out as unknown as Record<string, unknown>)[k] = uniq([...((prev[k] as string[] | undefined) ?? []), ...(v as string[])]);
    } else {
      (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  // Size options belong to the current model only.
  if (next.model_family !== undefined || next.model_size_options !== undefined) out.model_size_options = next.model_size_options ?? [];
  if (replace.includes("gpu")) out.gpu_alternatives = [...(next.gpu_alternatives ?? [])];
  if (replace.includes("model")) out.model_alternatives = [...(next.model_alternatives ?? [])];
  if (replace.includes("regions")) {
    out.region_intent = next.region_intent ? { ...next.region_intent } : null;
  } else if (next.region_intent && prev.region_intent) {
    const a = prev.region_intent;
    const b = next.region_intent;
    const areas = uniq([...a.areas, ...b.areas]).filter((x) => !b.excluded_areas.includes(x));
    out.region_intent = {
      codes: uniq([...a.codes, ...b.codes]),
      area: b.area ?? a.area,
      areas,
      countries: uniq([...a.countries, ...b.countries]),
      prefixes: [],
      excluded_areas: uniq([...a.excluded_areas, ...b.excluded_areas]).filter((x) => !b.areas.includes(x)),
    };
    const excludedCountries = uniq([...(a.excluded_countries ?? []), ...(b.excluded_countries ?? [])]).filter((c) => !b.countries.includes(c));
    if (excludedCountries.length) out.region_intent.excluded_countries = excludedCountries;
    out.region_intent.prefixes = regionSearchTerms(out.region_intent);
  }
  return out;
}

export interface ConversationExtraction {
  spec: WorkloadSpec;
  /** Every question id the assistant asked, in order. */
  asked: string[];
  /** Asked ids that later turns answered (or explicitly left open). */
  answered: string[];
  extras: RequirementsExtras;
}

/** Spec fields taken from an assistant turn's stored spec when the user text alone lacks them. */
const CARRIED: (keyof WorkloadSpec)[] = [
  "task", "modality", "model", "gpu", "budget_monthly_usd", "providers", "regions", "tools", "workload", "components", "cpu_only", "users", "requests_per_second", "data_gb",
  "budget_per_run_usd", "dataset_examples", "avg_example_tokens", "dataset_tokens", "epochs", "target_tokens_per_s", "target_ttft_ms", "avg_prompt_tokens", "avg_output_tokens",
];
const LIST_FIELDS = new Set<keyof WorkloadSpec>(["providers", "regions", "tools", "components"]);

/**
 * Reads the whole conversation: each user turn is extracted (a reply right after a
 * clarification is read in light of its questions) and merged in order. Assistant turns
 * contribute the ids they asked and, as a fallback, fields of their stored spec.
 */
export function extractFromConversation(turns: ConversationTurn[]): ConversationExtraction {
  let spec: WorkloadSpec = {};
  let extras = emptyExtras();
  const asked: string[] = [];
  const answered = new Set<string>();
  let open: ClarificationQuestion[] = [];
  let assistantSpec: WorkloadSpec | null = null;

  for (const turn of turns) {
    if (turn.role === "assistant") {
      const qs = turn.clarification?.questions ?? [];
      for (const q of qs) if (!asked.includes(q.id)) asked.push(q.id);
      open = qs;
      if (turn.spec) assistantSpec = turn.spec;
      continue;
    }
    const content = turn.content ?? "";
    let part: { spec: WorkloadSpec; extras: TextExtras; declined: string[]; replace?: ReplaceField[] };
    if (open.length > 0) {
      part = interpretReply(content, open, spec.model?.name);
    } else {
      part = { ...extractFromText(content), declined: [] };
    }
    spec = mergeSpec(spec, part.spec, part.replace);
    extras = mergeExtras(extras, part.extras, part.replace);
    applyTurnSideEffects(spec, extras, part.spec, part.extras);
    for (const id of part.declined) {
      answered.add(id);
      if (!extras.open_questions.includes(id)) extras.open_questions.push(id);
    }
    for (const q of open) if (isAnswered(q.id, spec, extras)) answered.add(q.id);
    open = [];
  }

  if (assistantSpec) {
    // Only fills what the user turns left open: a list the user gave (and maybe replaced) is
    // not unioned with the stored one, and a budget the user dropped ("no budget") stays dropped.
    const fallback: WorkloadSpec = {};
    for (const k of CARRIED) {
      if (assistantSpec[k] === undefined) continue;
      if (k === "budget_monthly_usd" && extras.budget_none) continue;
      if (LIST_FIELDS.has(k) && (spec[k] as unknown[] | undefined)?.length) continue;
      // The turns' region wish (maybe "move it to Europe" after "us-east-1") decides the regions.
      if (k === "regions" && extras.region_intent) continue;
      (fallback as Record<string, unknown>)[k] = assistantSpec[k];
    }
    spec = mergeSpec(fallback, spec);
  }
  // "CPU only" with a model and no task is serving it (nobody trains on CPUs by choice).
  if (!spec.task && spec.cpu_only && (spec.model?.name || spec.model?.hf_id || spec.model?.params_b !== undefined)) spec.task = "inference";
  // A usage named in any turn ("for transcription") plus a model → serving it.
  if (!spec.task && extras.usage && (spec.model?.name || spec.model?.hf_id || spec.model?.params_b !== undefined)) spec.task = "inference";
  // An excluded GPU is never the GPU asked for.
  if (spec.gpu?.model && extras.excluded_gpus?.includes(spec.gpu.model)) {
    const { model: _excluded, ...rest } = spec.gpu;
    spec = compactSpec({ ...spec, gpu: Object.keys(rest).length ? rest : undefined });
  }
  // Excluded providers never stay in the wish list.
  if (spec.providers && extras.excluded_providers.length) {
    spec.providers = spec.providers.filter((p) => !extras.excluded_providers.includes(p));
    spec = compactSpec(spec);
  }
  // A batch size is the concurrency of an inference/batch job.
  if (!spec.concurrency && extras.batch_size && (spec.task === "inference" || spec.task === "batch_processing")) {
    spec.concurrency = extras.batch_size;
  }
  for (const id of asked) if (isAnswered(id, spec, extras)) answered.add(id);
  return { spec, asked, answered: asked.filter((a) => answered.has(a)), extras };
}

/** Per-turn rules that need both the merged state and what this turn said. */
function applyTurnSideEffects(spec: WorkloadSpec, extras: RequirementsExtras, turnSpec: WorkloadSpec, turnExtras: TextExtras): void {
  // Something understood after an unknown name: the name is no longer the question.
  if (turnSpec.model || turnSpec.tools?.length || turnSpec.components?.length || turnSpec.workload || turnSpec.modality) delete extras.unknown_name;
  if (turnSpec.model?.name || turnSpec.model?.hf_id) delete extras.model_ambiguous;
  // A number given again within range answers the out-of-range question.
  if (extras.out_of_range && (turnSpec as Record<string, unknown>)[extras.out_of_range.field] !== undefined && !turnExtras.out_of_range) delete extras.out_of_range;
  // "no budget" after a number removes the number.
  if (turnExtras.budget_none && turnSpec.budget_monthly_usd === undefined) delete spec.budget_monthly_usd;
  if (turnSpec.budget_monthly_usd !== undefined) extras.budget_none = false;
  // A provider named again after being excluded is wanted again, and vice versa.
  for (const p of turnSpec.providers ?? []) {
    const i = extras.excluded_providers.indexOf(p);
    if (i >= 0 && !(turnExtras.excluded_providers ?? []).includes(p)) extras.excluded_providers.splice(i, 1);
  }
  // A GPU asked for again after being ruled out is wanted again.
  if (turnSpec.gpu?.model && extras.excluded_gpus?.includes(turnSpec.gpu.model) && !(turnExtras.excluded_gpus ?? []).includes(turnSpec.gpu.model)) {
    extras.excluded_gpus = extras.excluded_gpus.filter((g) => g !== turnSpec.gpu?.model);
  }
  // A newly named model replaces the size hints of an older one.
  if (turnSpec.model && (turnSpec.model.name || turnSpec.model.hf_id)) {
    extras.model_family = turnExtras.model_family;
    extras.model_default_params_b = turnExtras.model_default_params_b;
    extras.model_max_context = turnExtras.model_max_context;
    extras.model_size_options = turnExtras.model_size_options ?? [];
    for (const k of ["model_family", "model_default_params_b", "model_max_context"] as const) if (extras[k] === undefined) delete extras[k];
  }
  if (spec.model?.params_b !== undefined) {
    extras.model_size_options = [];
    delete extras.model_default_params_b;
  }
}
