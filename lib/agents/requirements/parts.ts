/**
 * The workload's parts once the spec is complete: the primary model part agrees with spec.model
 * (the model sized is the model deployed), training turns it into the training job, a
 * development environment has its notebooks, and a request that names only platforms and tools is
 * recognised as such (no model is invented for it). Pure.
 */
import type { WorkloadComponent, WorkloadSpec } from "@/lib/schemas/workload-spec";
import { isModelPart } from "@/lib/schemas/components";
import { modelComponentKind } from "./offline/components";

const named = (m: WorkloadSpec["model"]) => !!(m && (m.name || m.hf_id || m.params_b !== undefined));


/** Only platforms and tools were asked for (MLflow, a Ray cluster, Ollama with no model …): nothing to size a model on. */
export function isPlatformOnly(spec: WorkloadSpec): boolean {
  const parts = spec.components ?? [];
  if (named(spec.model) || parts.length === 0) return false;
  if (parts.some(isModelPart)) return false;
  // A workload named without a model ("a chatbot") still needs one, unless Ollama is asked to run it (models are pulled later).
  return !spec.workload || parts.some((c) => c.tool === "ollama");
}

/** The complete, ordered parts for a finished spec (primary first). */
export function finalizeParts(spec: WorkloadSpec): WorkloadComponent[] {
  const parts = (spec.components ?? []).map((c) => ({ ...c }));
  const task = spec.task ?? "inference";
  const training = task === "training" || task === "fine_tuning";
  if (task === "development" && !parts.some((c) => c.kind === "notebooks")) parts.unshift({ kind: "notebooks", tool: "jupyterhub", role: "notebooks for the team" });
  if (isPlatformOnly({ ...spec, components: parts })) return parts;
  const hasWhat = named(spec.model) || !!spec.modality || !!spec.workload;
  if (!hasWhat) return parts;
  const kind = modelComponentKind(spec.modality, `${spec.model?.name ?? ""} ${spec.model?.hf_id ?? ""} ${spec.workload ?? ""}`);
  // The primary part: the one holding spec.model, else the first part of the primary kind, else a new one.
  let i = named(spec.model)
    ? parts.findIndex((c) => c.model && sameModel(c.model, spec.model!))
    : -1;
  if (i < 0) i = parts.findIndex((c) => (c.kind === kind || (training && c.kind === "training_job")) && isModelPart(c));
  if (i < 0 && task === "development" && !named(spec.model)) return parts;
  const primary: WorkloadComponent = i >= 0 ? parts.splice(i, 1)[0] : { kind };
  if (named(spec.model)) primary.model = Object.fromEntries(Object.entries(spec.model!).filter(([, v]) => v !== undefined));
  if (training) primary.kind = "training_job";
  else if (primary.kind === "training_job") primary.kind = kind;
  if (task === "development") return [...parts, primary].filter((c, j, a) => a.indexOf(c) === j);
  return [primary, ...parts];
}

function sameModel(a: NonNullable<WorkloadSpec["model"]>, b: NonNullable<WorkloadSpec["model"]>): boolean {
  const n = (s?: string) => s?.toLowerCase().replace(/[^a-z0-9.]/g, "");
  if (a.hf_id && b.hf_id) return n(a.hf_id) === n(b.hf_id);
  if (a.name && b.name) return n(a.name) === n(b.name) || n(withoutSize(a.name)) === n(withoutSize(b.name));
  return false;
}

const withoutSize = (s: string) => s.replace(/\b\d+(?:\.\d+)?(?:x\d+)?[bm]\b/i, "").trim();
