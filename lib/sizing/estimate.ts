/**
 * estimateMemory: the single entry point. Resolution order —
 *  1. a known LLM architecture by HF id / model name (exact formula);
 *  2. a measured/published figure by model name (SDXL, YOLO, Whisper, …);
 *  3. a parameter count (given, or read from the name: "my-model-13b") → LLM formula with a
 *     fallback architecture, or a generic estimate for non-LLM modalities;
 *  4. the workload text / modality → a measured figure for the typical model of that class;
 *  otherwise SizingInputError. Every default taken is listed in `assumptions`.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { fallbackArchitecture, findArchitecture, type Architecture, parseParamsFromName, precisionFromName } from "./architectures";
import { assemble, type Part } from "./assemble";
import { fitTable } from "./gpu-fit";
import { llmSizing, type ResolvedLlm } from "./llm-sizing";
import { findMeasured, measuredSizing, type MeasuredMatch } from "./measured";
import { fmtB, SizingInputError, WEIGHT_BYTES, type Modality, type Precision, type Sizing, type SizingInput } from "./types";

const NON_LLM: ReadonlySet<Modality> = new Set(["vision", "image_generation", "speech", "embedding"]);

type Resolved =
  | { kind: "llm"; llm: ResolvedLlm }
  | { kind: "measured"; match: MeasuredMatch }
  | { kind: "generic"; paramsB: number; notes: string[] };

function resolve(input: SizingInput): Resolved {
  const names = [input.hfId, input.modelName].filter((n): n is string => !!n && n.trim() !== "");
  for (const name of names) {
    const m = findArchitecture(name, input.paramsB);
    if (m) return { kind: "llm", llm: { arch: m.arch, notes: m.note ? [m.note] : [], namedPrecision: precisionFromName(name) } };
  }
  for (const name of names) {
    const m = findMeasured({ name });
    if (m) return { kind: "measured", match: m };
  }
  const parsed = names.map(parseParamsFromName).find((p) => p !== undefined);
  const paramsB = input.paramsB ?? parsed;
  if (!input.paramsB && parsed) {
    // A fine-tune named after its base family ("Llama-3.1-Nemotron-70B") → closest family member.
    for (const name of names) {
      const m = findArchitecture(name, parsed);
      if (m) return { kind: "llm", llm: { arch: m.arch, notes: m.note ? [m.note] : [], namedPrecision: precisionFromName(name) } };
    }
  }
  const notes: string[] = [];
  if (!input.paramsB && parsed) notes.push(`Parameter count ${fmtB(parsed)} read from the name "${names[0]}".`);
  if (names.length) notes.push(`"${names.join('" / "')}" is not in the architecture or measured tables.`);
  const context = findMeasured({ workload: input.workload, modality: input.modality });
  if (paramsB && paramsB > 0) {
    const nonLlm = input.modality ? NON_LLM.has(input.modality) : context !== null;
    if (nonLlm) {
      if (context) notes.push(`For reference, a typical ${context.model.name} needs ${context.model.inference.gb} GB for inference (${context.model.inference.conditions}).`);
      return { kind: "generic", paramsB, notes };
    }
    const fb = fallbackArchitecture(paramsB);
    const namedPrecision = names.map(precisionFromName).find((p) => p !== undefined);
    return { kind: "llm", llm: { arch: fb.arch, notes: [...notes, ...fb.assumptions], namedPrecision } };
  }
  if (context) return { kind: "measured", match: context };
  throw new SizingInputError(
    names.length
      ? `Cannot size "${names.join('" / "')}": it is not in the architecture or measured tables and no parameter count is known. Give params_b (e.g. 7 for a 7B model).`
      : "Cannot size the workload: give a model name (e.g. \"Llama 3.1 8B\"), a parameter count (params_b), or a workload such as \"object detection\" or \"image generation\".",
  );
}

/** The LLM architecture estimateMemory would use for this input (table or fallback), or null. */
export function resolveArchitecture(input: SizingInput): Architecture | null {
  const r = resolve(input);
  return r.kind === "llm" ? r.llm.arch : null;
}

/** Non-LLM model known only by its parameter count: a rough, clearly labelled estimate. */
function genericSizing(input: SizingInput, paramsB: number, notes: string[]): Sizing {
  const training = input.task === "training" || input.task === "fine_tuning";
  const out = ["GB = 10^9 bytes.", ...notes, "Rough estimate: no measured figure for this model; activations depend strongly on resolution / sequence length and batch."];
  const P = fmtB(paramsB);
  let parts: Part[];
  if (training) {
    const w = paramsB * 2;
    parts = [
      { key: "weights", gb: w, text: `weights ${P} × 2 B (bf16)` },
      { key: "gradients", gb: paramsB * 2, text: `gradients ${P} × 2 B` },
      { key: "optimizer_states", gb: paramsB * 12, text: `fp32 master + Adam m + v ${P} × 12 B` },
      { key: "activations", gb: Math.max(1, 2 * w), text: "activations allowance max(1 GB, 2 × weights)" },
      { key: "runtime_overhead", gb: 1, text: "CUDA context and workspaces" },
    ];
    out.push("Mixed-precision AdamW, 16 B/param; activation allowance = 2 × weights (at least 1 GB).");
  } else {
    const precision = input.precision ?? "fp16";
    if (!input.precision) out.push("Precision fp16 (default for inference).");
    const w = paramsB * WEIGHT_BYTES[precision];
    parts = [
      { key: "weights", gb: w, text: `weights ${P} × ${WEIGHT_BYTES[precision]} B` },
      { key: "activations", gb: Math.max(0.5, 0.25 * w), text: "activations allowance max(0.5 GB, 25% of weights)" },
      { key: "runtime_overhead", gb: 1, text: "CUDA context and workspaces" },
    ];
    out.push("Activation allowance = max(0.5 GB, 25% of weights); runtime overhead 1 GB (CUDA context).");
  }
  return assemble(parts, out, "formula");
}

/** Memory needed for the workload, with breakdown, formula text, assumptions and a GPU-fit table. */
export function estimateMemory(input: SizingInput): Sizing {
  if (input.paramsB !== undefined && !(input.paramsB > 0)) throw new SizingInputError("params_b must be a positive number of billions.");
  for (const [k, v] of [["contextLength", input.contextLength], ["concurrency", input.concurrency], ["batchSize", input.batchSize]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v > 0)) throw new SizingInputError(`${k} must be a positive integer.`);
  }
  const r = resolve(input);
  const sizing =
    r.kind === "llm" ? llmSizing(input, r.llm)
    : r.kind === "measured" ? measuredSizing(r.match, input.task, input.precision)
    : genericSizing(input, r.paramsB, r.notes);
  return { ...sizing, gpu_fit: fitTable(sizing) };
}

/** A precision the checkpoint itself fixes: named in its id ("…-AWQ", "…-FP8") or published natively (GPT-OSS MXFP4, DeepSeek-V3 FP8). */
export interface CheckpointPrecision {
  precision: Precision;
  /** "named" = read from the checkpoint id; "native" = the model is published in that format. */
  source: "named" | "native";
  /** Human-readable format ("MXFP4 experts + bf16 attention/embeddings", "fp8"). */
  label: string;
  /** The model as found in the architecture table, when it was. */
  modelName?: string;
  /** Part of the weights stays in bf16 (GPT-OSS attention/embeddings), so bf16 support is needed too. */
  keepsBf16: boolean;
}

/**
 * The precision a model's checkpoint comes in, if it fixes one — the same resolution estimateMemory
 * uses when no precision is given. Null when the checkpoint is a plain 16-bit release.
 */
export function checkpointPrecision(input: Pick<SizingInput, "modelName" | "hfId" | "paramsB">): CheckpointPrecision | null {
  const names = [input.hfId, input.modelName].filter((n): n is string => !!n && n.trim() !== "");
  for (const name of names) {
    const named = precisionFromName(name);
    if (named) return { precision: named, source: "named", label: named, keepsBf16: false };
  }
  for (const name of names) {
    const m = findArchitecture(name, input.paramsB);
    if (!m) continue;
    const native = m.arch.native;
    if (!native) return null;
    return { precision: native.precision, source: "native", label: native.label, modelName: m.arch.name, keepsBf16: /\bbf16\b/i.test(native.label) };
  }
  return null;
}

/** Map the chat's WorkloadSpec onto SizingInput (task defaults to inference). */
export function sizingInputFromSpec(spec: WorkloadSpec): SizingInput {
  return {
    task: spec.task ?? "inference",
    modelName: spec.model?.name,
    hfId: spec.model?.hf_id,
    paramsB: spec.model?.params_b,
    modality: spec.modality,
    precision: spec.precision,
    contextLength: spec.context_length,
    concurrency: spec.concurrency,
    fineTuneMethod: spec.fine_tune_method,
    workload: spec.workload,
  };
}
