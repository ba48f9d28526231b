/**
 * Lookup of measured / published memory figures for non-LLM workloads, and the Sizing built from
 * them. Lookup order: model name (longest pattern) → version-less name ("YOLOv8" → YOLOv8m) →
 * names or keywords in the free-text workload ("object detection" → YOLOv8m) → modality default.
 */
import { normalizeModelName } from "./architectures";
import { assemble, type Part } from "./assemble";
import { MEASURED_DIFFUSION_DETECTION, type MeasuredFigure, type MeasuredModel } from "./measured-table";
import { MEASURED_VISION_SPEECH } from "./measured-table-vision-speech";
import { fmtB, WEIGHT_BYTES, type Modality, type Precision, type Sizing, type Task } from "./types";

export type { MeasuredFigure, MeasuredModel } from "./measured-table";

export const MEASURED_MODELS: readonly MeasuredModel[] = [...MEASURED_DIFFUSION_DETECTION, ...MEASURED_VISION_SPEECH];

export interface MeasuredMatch {
  model: MeasuredModel;
  matchedBy: "name" | "versionless_name" | "workload" | "modality";
  note?: string;
}

/** Workload keywords → default model of that class (first rule that matches wins). */
const WORKLOAD_RULES: Array<[RegExp, string]> = [
  [/object[- ]?detect|(object|people|person|vehicle|car|face|defect)s? detection|detect(ing)? (objects|people|persons|vehicles|cars|faces|defects)|bounding[- ]box|yolo/, "yolov8m"],
  [/image segment|instance segment|semantic segment|segment anything|segmentation mask|\bmasks?\b/, "sam2.1-large"],
  [/transcri|speech[- ]?(to[- ]?text|recognition)|\basr\b|whisper|dictation|subtitl/, "whisper-large-v3"],
  [/image[- ]?gen|text[- ]?to[- ]?image|diffusion|generat\w* (an )?images?|\bsdxl\b|art generation/, "sdxl"],
  [/zero[- ]?shot image|image[- ]?(text|search|retrieval)|\bclip\b/, "clip-vit-l-14"],
  [/image[- ]?classif|classify (images|photos)|vision transformer|\bvit\b/, "vit-base"],
  [/embedding|semantic search|vector search|retrieval|\brag\b|sentence similarity/, "bge-large"],
  [/text[- ]?classif|sentiment|named[- ]entity|\bner\b|\bbert\b/, "bert-base"],
];

const MODALITY_DEFAULT: Partial<Record<Modality, string>> = {
  image_generation: "sdxl",
  vision: "yolov8m",
  speech: "whisper-large-v3",
  embedding: "bge-large",
};

const byId = (id: string): MeasuredModel => {
  const found = MEASURED_MODELS.find((x) => x.id === id);
  if (!found) throw new Error(`measured table has no entry ${id}`);
  return found;
};

function longest(s: string, pick: (x: MeasuredModel) => RegExp | undefined): MeasuredModel | null {
  let best: MeasuredModel | null = null;
  let len = 0;
  for (const x of MEASURED_MODELS) {
    const hit = pick(x)?.exec(s);
    if (hit && hit[0].length > len) {
      best = x;
      len = hit[0].length;
    }
  }
  return best;
}

/** Find a measured figure by model name, then by free-text workload, then by modality. */
export function findMeasured(q: { name?: string; workload?: string; modality?: Modality }): MeasuredMatch | null {
  if (q.name) {
    const s = normalizeModelName(q.name);
    const exact = longest(s, (x) => x.match);
    if (exact) return { model: exact, matchedBy: "name" };
    const alias = longest(s, (x) => x.alias);
    if (alias) return { model: alias, matchedBy: "versionless_name", note: `"${q.name}" names no size/version; assumed ${alias.name}.` };
  }
  if (q.workload) {
    const text = q.workload.toLowerCase();
    const dashed = text.replace(/[\s_:/]+/g, "-");
    const named = longest(dashed, (x) => x.match) ?? longest(dashed, (x) => x.alias);
    if (named) return { model: named, matchedBy: "workload", note: `Workload "${q.workload}" names ${named.name}.` };
    const rule = WORKLOAD_RULES.find(([rx]) => rx.test(text));
    if (rule) {
      const model = byId(rule[1]);
      return { model, matchedBy: "workload", note: `No model named; "${q.workload}" sized with ${model.name} as the typical model of that class.` };
    }
  }
  const def = q.modality ? MODALITY_DEFAULT[q.modality] : undefined;
  if (def) {
    const model = byId(def);
    return { model, matchedBy: "modality", note: `No model named; ${q.modality} sized with ${model.name} as a typical model.` };
  }
  return null;
}

const usesTraining = (task: Task) => task === "training" || task === "fine_tuning";

/** Sizing from a measured figure. Inference at another precision rescales the weights part only. */
export function measuredSizing(match: MeasuredMatch, task: Task, precision?: Precision): Sizing {
  const x = match.model;
  const training = usesTraining(task);
  const assumptions: string[] = ["GB = 10^9 bytes."];
  if (match.note) assumptions.push(match.note);
  const pB = x.params_m / 1000;
  let fig: MeasuredFigure;
  if (training && x.training) {
    fig = x.training;
  } else if (training) {
    // No training figure: 16 B/param mixed-precision AdamW state + the inference figure as activation reserve.
    const gb = Math.round((pB * 16 + x.inference.gb) * 10) / 10;
    fig = { gb, precision: "fp16", conditions: `full fine-tune, batch as in the inference figure (${x.inference.conditions})`,
      basis: "estimate", source: `${fmtB(pB)} params × 16 B (AdamW mixed precision) + ${x.inference.gb} GB inference figure as activation reserve` };
  } else {
    fig = x.inference;
  }
  const figPrecision = fig.precision;
  const usePrecision = !training && precision && precision !== figPrecision ? precision : figPrecision;
  const wFig = pB * WEIGHT_BYTES[figPrecision === "bf16" ? "fp16" : figPrecision];
  const wUse = pB * WEIGHT_BYTES[usePrecision];
  const rest = Math.max(0, fig.gb - wFig);
  const restKey: Part["key"] = training ? "training_state_and_activations" : "activations_and_runtime";
  const label = fig.basis === "estimate" ? "estimate" : `${fig.basis} figure`;
  const parts: Part[] = [
    { key: "weights", gb: wUse, text: `weights ${fmtB(pB)} × ${WEIGHT_BYTES[usePrecision]} B (${usePrecision})` },
    { key: restKey, gb: rest,
      text: `${training ? "gradients, optimizer state and activations" : "activations, workspaces and CUDA context"} (${label} ${fig.gb} GB − ${(Math.round(wFig * 10) / 10).toFixed(1)} GB weights)` },
  ];
  assumptions.push(
    `${x.name}: ${label} ${fig.gb} GB at ${figPrecision}, ${fig.conditions}. Source: ${fig.source}.`,
  );
  if (usePrecision !== figPrecision) assumptions.push(`Weights rescaled from ${figPrecision} to ${usePrecision}; the activation part is kept as measured.`);
  if (training && precision && precision !== figPrecision) assumptions.push(`Training figure is for ${figPrecision}; requested ${precision} not applied.`);
  if (!training && task === "batch_processing") assumptions.push("Batch processing: larger batches than in the figure need proportionally more activation memory.");
  for (const n of x.notes ?? []) assumptions.push(n);
  assumptions.push("These pipelines do not shard across GPUs by default: one GPU must hold the figure (use CPU offload or quantization to go lower).");
  return assemble(parts, assumptions, "measured_table");
}
