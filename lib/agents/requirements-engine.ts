import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { LlmEngine } from "@/lib/ai/provider";
import { llmRequirements } from "@/lib/ai/requirements-llm";
import { LlmTurn, fallbackNote } from "@/lib/ai/llm-turn";
import {
  applyDefaults, decideClarification, extractFromConversation, runOfflineRequirements, sanitizeSpec, type ModelResolver,
} from "./requirements";
import type { ConversationTurn, RequirementsExtras } from "./requirements/types";

export type { ModelResolver };

/**
 * `engine`: who produced the spec; `questions_by`: who worded the questions. `notes`: fallback
 * reason codes (`requirements:<reason>`).
 */
export type Requirements =
  | { kind: "spec"; spec: WorkloadSpec; assumptions: string[]; extras: RequirementsExtras; engine: "llm" | "offline"; notes: string[] }
  | {
      kind: "clarification"; spec: WorkloadSpec; clarification: Clarification; extras: RequirementsExtras; engine: "llm" | "offline";
      questions_by: "llm" | "offline"; notes: string[];
    };

/**
 * Agent 1. The offline engine always runs (it is cheap and gives region intent, exclusions and
 * defaults). With an LLM configured, the LLM's extraction takes precedence field by field; if the
 * LLM fails (provider error, timeout, invalid output after one repair, breaker open) the offline
 * answer stands, labelled `offline`, with the reason code in `notes`. `turn` carries the turn's
 * shared LLM time budget (a fresh one when absent).
 */
export async function understandRequirements(
  turns: ConversationTurn[],
  deps: { llm: LlmEngine | null; resolveModel?: ModelResolver; turn?: LlmTurn },
): Promise<Requirements> {
  const offline = await runOfflineRequirements(turns, deps.resolveModel);
  const offlineAnswer = (notes: string[]): Requirements =>
    offline.kind === "clarification" ? { ...offline, engine: "offline", questions_by: "offline", notes } : { ...offline, engine: "offline", notes };
  if (!deps.llm) return offlineAnswer([]);

  const turn = deps.turn ?? new LlmTurn(deps.llm);
  const result = await turn.run("requirements", (signal) => llmRequirements(turn.engine, turns, signal));
  if (!result.ok) return offlineAnswer([fallbackNote("requirements", result.reason)]);
  const llm = result.value;
  const { asked } = extractFromConversation(turns);
  const extras = offline.extras;
  const spec = sanitizeSpec(mergeDefined(offline.spec, llm.spec));
  const blocking = decideClarification(spec, asked, extras);
  if (blocking) {
    // Prefer the LLM's wording, but never re-ask a question already asked.
    const fresh = llm.clarification?.questions.filter((q) => !asked.includes(q.id)) ?? [];
    const clarification = fresh.length ? { questions: fresh.slice(0, 3) } : blocking;
    return { kind: "clarification", spec, clarification, extras, engine: "llm", questions_by: fresh.length ? "llm" : "offline", notes: [] };
  }
  const d = applyDefaults(spec, extras);
  extras.reference_model = d.reference_model;
  // The offline parse notes ("$2/hr ≈ $1460/month", "model lookup failed") are kept, as offline.
  const assumptions = [...new Set([...extras.notes, ...d.assumptions, ...llm.assumptions])];
  return { kind: "spec", spec: d.spec, assumptions, extras, engine: "llm", notes: [] };
}

/** b's defined fields over a's (nested objects merged one level deep; the model only when it is the same model). */
function mergeDefined(a: WorkloadSpec, b: WorkloadSpec): WorkloadSpec {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    const prev = out[k];
    out[k] = prev && typeof prev === "object" && !Array.isArray(prev) && typeof v === "object" && !Array.isArray(v) ? { ...prev, ...v } : v;
  }
  out.model = mergeModel(a.model, b.model);
  return out as WorkloadSpec;
}

const norm = (s: string | undefined) => s?.toLowerCase().replace(/[^a-z0-9.]/g, "");
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

/**
 * The offline engine's model (with the hf_id/params_b its catalog lookup found) is merged with the
 * LLM's only when both name the same model; a different model or size from the LLM replaces it, so
 * an hf_id found for one model never ends up next to another model's name or size.
 */
function mergeModel(a: WorkloadSpec["model"], b: WorkloadSpec["model"]): WorkloadSpec["model"] {
  if (!b || Object.keys(defined(b)).length === 0) return a;
  if (!a) return b;
  const bNamed = !!(b.name || b.hf_id);
  const sameSize = b.params_b === undefined || a.params_b === undefined || b.params_b === a.params_b;
  const sameModel = b.hf_id && a.hf_id ? norm(b.hf_id) === norm(a.hf_id) : !b.name || !a.name || norm(b.name) === norm(a.name);
  if (!bNamed) return sameSize ? { ...a, ...defined(b) } : defined({ name: a.name, params_b: b.params_b });
  if (sameModel && (sameSize || (b.hf_id && a.hf_id))) return { ...a, ...defined(b) };
  return { ...b };
}
