import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { LlmEngine } from "@/lib/ai/provider";
import { llmSummary } from "@/lib/ai/plan-writer";
import { LlmTurn, fallbackNote } from "@/lib/ai/llm-turn";
import { gatherFacts } from "./architect/gather";
import { buildPlan, chosenCompute } from "./architect/plan";
import { offlineSummary, planMarkdown } from "./architect/prose";
import type { ArchitectStep, ArchitectTools } from "./architect/types";
import { summaryGround, writerFacts } from "./writer-facts";
import { understandRequirements, type ModelResolver } from "./requirements-engine";
import type { ConversationTurn } from "./requirements/types";

export type PipelineStep = "requirements" | ArchitectStep;

export interface PipelineDeps {
  tools: ArchitectTools;
  resolveModel?: ModelResolver;
  llm: LlmEngine | null;
  onStatus?: (step: PipelineStep, message: string) => void;
}

export interface PipelineResult {
  type: "clarification" | "plan";
  content: string;
  spec: WorkloadSpec;
  clarification: Clarification | null;
  plan: DeploymentPlan | null;
  /** Who wrote the prose (the summary, or the clarification's questions). */
  engine: "llm" | "offline";
  /** Fallback reason codes, `<stage>:<reason>` (e.g. `summary:ungrounded_number`); never provider text. */
  notes: string[];
}

/** Conversation in → clarification or deployment plan out (Agent 1, then Agent 2). */
export async function runPipeline(turns: ConversationTurn[], deps: PipelineDeps): Promise<PipelineResult> {
  const status = deps.onStatus ?? (() => {});
  status("requirements", "Understanding the request");
  const turn = deps.llm ? new LlmTurn(deps.llm) : null;
  const req = await understandRequirements(turns, { llm: deps.llm, resolveModel: deps.resolveModel, turn: turn ?? undefined });
  if (req.kind === "clarification") {
    return {
      type: "clarification",
      content: clarificationMarkdown(req.clarification),
      spec: req.spec,
      clarification: req.clarification,
      plan: null,
      engine: req.questions_by,
      notes: req.notes,
    };
  }
  const facts = await gatherFacts(req.spec, req.extras, req.assumptions, deps.tools, status);
  status("writing", "Writing the plan");
  const notes = [...req.notes];
  let summary = offlineSummary(facts);
  let engine: "llm" | "offline" = "offline";
  // When the deployment does not fit, the headline must say so first: the fixed template does.
  if (turn && facts.fits) {
    const data = writerFacts(facts);
    const ground = summaryGround(data, {
      instance: chosenCompute(facts)[0]?.instance_type ?? null,
      model: data.deployment?.model_id ?? facts.models.results[0]?.id ?? null,
    });
    const r = await turn.run("summary", (signal) => llmSummary(turn.engine, data, ground, signal));
    if (r.ok) {
      summary = r.value;
      engine = "llm";
    } else notes.push(fallbackNote("summary", r.reason));
  }
  const plan: DeploymentPlan = {
    ...buildPlan(facts, summary, engine),
    engines: { requirements: req.engine, summary: engine },
    ...(notes.length ? { engine_notes: notes } : {}),
  };
  return { type: "plan", content: planMarkdown(plan), spec: req.spec, clarification: null, plan, engine, notes };
}

export function clarificationMarkdown(c: Clarification): string {
  const lines = ["To size this properly I need a bit more:", ""];
  c.questions.forEach((q, i) => {
    lines.push(`${i + 1}. **${q.question}**${q.options.length ? ` — e.g. ${q.options.map((o) => `*${o}*`).join(", ")}` : ""}`);
  });
  return lines.join("\n");
}
