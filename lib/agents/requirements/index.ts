/**
 * Offline requirements engine (Agent 1 without an LLM): conversation in, WorkloadSpec or 1–3
 * clarifying questions out. Deterministic; the only I/O is the optional model resolver.
 */
import { workloadSpecSchema, type Clarification, type WorkloadSpec } from "@/lib/schemas/workload-spec";
import { decideClarification, sizesMatter } from "./clarify";
import { applyDefaults } from "./defaults";
import { extractFromConversation } from "./merge";
import { compactSpec } from "./offline/extract";
import { uniq } from "./offline/normalize";
import type { ConversationTurn, RequirementsExtras } from "./types";

export type ModelResolver = (name: string) => Promise<{ hf_id: string; params_b: number | null } | null>;

export type OfflineRequirementsResult =
  | { kind: "spec"; spec: WorkloadSpec; assumptions: string[]; extras: RequirementsExtras }
  | { kind: "clarification"; spec: WorkloadSpec; clarification: Clarification; extras: RequirementsExtras };

/** Drops any field the contract schema rejects (defensive; extractors should never produce one). */
export function sanitizeSpec(spec: WorkloadSpec): WorkloadSpec {
  let current: Record<string, unknown> = { ...spec };
  for (let i = 0; i < 20; i++) {
    const r = workloadSpecSchema.safeParse(current);
    if (r.success) return compactSpec(r.data);
    const bad = new Set(r.error.issues.map((iss) => String(iss.path[0])));
    current = Object.fromEntries(Object.entries(current).filter(([k]) => !bad.has(k)));
  }
  return {};
}

async function resolve(spec: WorkloadSpec, extras: RequirementsExtras, sizeOpen: boolean, resolveModel: ModelResolver): Promise<WorkloadSpec> {
  const model = spec.model;
  const query = model?.hf_id ?? model?.name;
  if (!model || !query || sizeOpen) return spec;
  let found: Awaited<ReturnType<ModelResolver>> = null;
  try {
    found = await resolveModel(query);
    // Versions are written with or without a "v" ("Stable Diffusion 1.5" is stable-diffusion-v1-5).
    const withV = query.replace(/(^|\s)(\d+\.\d+)(?=\s|$)/, "$1v$2");
    if (!found && withV !== query) found = await resolveModel(withV);
  } catch (err) {
    extras.notes.push(`Model lookup for "${query}" failed (${(err as Error).message}); using the parsed name and size.`);
    return spec;
  }
  if (!found) return spec;
  // An embeddings model is not a reranker (and the reverse): "BGE large" is not BAAI/bge-reranker-large.
  if (spec.modality === "embedding" || spec.components?.some((c) => c.kind === "embeddings" && c.model === model)) {
    if (/rerank/i.test(found.hf_id) !== /rerank/i.test(query)) return spec;
  }
  const parsed = model.params_b;
  // Sizes are compared for language models only: a diffusion or vision repo counts its parameters
  // differently (SDXL's UNet alone is 2.6B of the 3.5B pipeline), so a mismatch there means nothing.
  const comparable = !spec.modality || spec.modality === "llm" || spec.modality === "multimodal";
  if (comparable && parsed !== undefined && found.params_b && Math.max(parsed, found.params_b) / Math.min(parsed, found.params_b) > 1.3) {
    extras.notes.push(`"${query}" matched ${found.hf_id} (${found.params_b}B), which does not fit the ${parsed}B asked for; kept the parsed size.`);
    return spec;
  }
  return {
    ...spec,
    model: {
      ...model,
      hf_id: model.hf_id ?? found.hf_id,
      params_b: parsed ?? (found.params_b && found.params_b > 0 ? found.params_b : undefined),
    },
  };
}

export async function runOfflineRequirements(turns: ConversationTurn[], resolveModel?: ModelResolver): Promise<OfflineRequirementsResult> {
  const conv = extractFromConversation(turns);
  const extras = conv.extras;
  let spec = conv.spec;
  if (resolveModel) {
    const sizeOpen =
      spec.model?.params_b === undefined &&
      extras.model_size_options.length >= 2 &&
      sizesMatter(extras.model_size_options) &&
      !conv.asked.includes("model") &&
      !extras.open_questions.includes("model");
    spec = compactSpec(await resolve(spec, extras, sizeOpen, resolveModel));
  }
  spec = sanitizeSpec(spec);
  const clarification = decideClarification(spec, conv.asked, extras);
  if (clarification) return { kind: "clarification", spec, clarification, extras };
  const d = applyDefaults(spec, extras);
  extras.reference_model = d.reference_model;
  let final = d.spec;
  // A default size ("Llama 3.1" → "Llama 3.1 8B") gives a new name worth looking up.
  if (resolveModel && final.model?.name && !final.model.hf_id && final.model.name !== spec.model?.name) {
    final = compactSpec(await resolve(final, extras, false, resolveModel));
  }
  if (resolveModel) final = await resolveParts(final, extras, resolveModel);
  return { kind: "spec", spec: sanitizeSpec(final), assumptions: uniq([...extras.notes, ...d.assumptions]), extras };
}

/** The catalog repo of each other named model part ("bge-large" next to Llama in a RAG stack). */
async function resolveParts(spec: WorkloadSpec, extras: RequirementsExtras, resolveModel: ModelResolver): Promise<WorkloadSpec> {
  if (!spec.components?.length) return spec;
  const components = await Promise.all(
    spec.components.map(async (c, i) => {
      if (spec.model && c.model && (c.model.name === spec.model.name || (i === 0 && c.kind !== "notebooks"))) return { ...c, model: { ...spec.model } };
      if (!c.model?.name || c.model.hf_id) return c;
      const r = await resolve({ model: c.model, modality: c.kind === "embeddings" || c.kind === "reranker" ? "embedding" : undefined }, extras, false, resolveModel);
      return r.model ? { ...c, model: r.model } : c;
    }),
  );
  return { ...spec, components };
}

export { extractFromConversation, mergeSpec } from "./merge";
export { decideClarification } from "./clarify";
export { applyDefaults, referenceModelFor } from "./defaults";
export { extractFromText } from "./offline/extract";
export { classifyRegion, regionMatchesIntent } from "./offline/regions";
export type { ConversationTurn, RegionIntent, RequirementsExtras, ReferenceModel } from "./types";
