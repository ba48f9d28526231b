import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { LlmEngine } from "@/lib/ai/provider";
import { llmRequirements } from "@/lib/ai/requirements-llm";
import {
  applyDefaults, decideClarification, extractFromConversation, runOfflineRequirements, sanitizeSpec, type ModelResolver,
} from "./requirements";
import type { ConversationTurn, RequirementsExtras } from "./requirements/types";

export type { ModelResolver };

export type Requirements =
  | { kind: "spec"; spec: WorkloadSpec; assumptions: string[]; extras: RequirementsExtras; engine: "llm" | "offline"; notes: string[] }
  | { kind: "clarification"; spec: WorkloadSpec; clarification: Clarification; extras: RequirementsExtras; engine: "llm" | "offline"; notes: string[] };

/**
 * Agent 1. The offline engine always runs (it is cheap and gives region intent, exclusions and
 * defaults). With an LLM configured, the LLM's extraction takes precedence field by field; if the
 * LLM fails (provider error, timeout, invalid output twice) the offline answer stands.
 */
export async function understandRequirements(
  turns: ConversationTurn[],
  deps: { llm: LlmEngine | null; resolveModel?: ModelResolver },
): Promise<Requirements> {
  const offline = await runOfflineRequirements(turns, deps.resolveModel);
  if (!deps.llm) return { ...offline, engine: "offline", notes: [] };

  let llm;
  try {
    llm = await llmRequirements(deps.llm, turns.map((t) => ({ role: t.role, content: t.content })));
  } catch (err) {
    return { ...offline, engine: "offline", notes: [`LLM requirements engine failed, offline engine answered: ${(err as Error).message}`] };
  }
  const { asked } = extractFromConversation(turns);
  const extras = offline.extras;
  const spec = sanitizeSpec(mergeDefined(offline.spec, llm.spec));
  const blocking = decideClarification(spec, asked, extras);
  if (blocking) {
    // Prefer the LLM's wording, but never re-ask a question already asked.
    const fresh = llm.clarification?.questions.filter((q) => !asked.includes(q.id)) ?? [];
    const clarification = fresh.length ? { questions: fresh.slice(0, 3) } : blocking;
    return { kind: "clarification", spec, clarification, extras, engine: "llm", notes: [] };
  }
  const d = applyDefaults(spec, extras);
  extras.reference_model = d.reference_model;
  const assumptions = [...new Set([...d.assumptions, ...llm.assumptions])];
  return { kind: "spec", spec: d.spec, assumptions, extras, engine: "llm", notes: [] };
}

/** b's defined fields over a's (nested objects merged one level deep). */
function mergeDefined(a: WorkloadSpec, b: WorkloadSpec): WorkloadSpec {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    const prev = out[k];
    out[k] = prev && typeof prev === "object" && !Array.isArray(prev) && typeof v === "object" && !Array.isArray(v) ? { ...prev, ...v } : v;
  }
  return out as WorkloadSpec;
}
