import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import type { LlmEngine } from "@/lib/ai/provider";
import { llmSummary } from "@/lib/ai/plan-writer";
import { gatherFacts } from "./architect/gather";
import { buildPlan, chosenCompute, chosenPackages } from "./architect/plan";
import { buildDeployments } from "./architect/deployments";
import { offlineSummary, planMarkdown } from "./architect/prose";
import type { ArchitectFacts, ArchitectStep, ArchitectTools } from "./architect/types";
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
  engine: "llm" | "offline";
  /** Why the LLM engine did not answer (fell back), for logs and the stored payload. */
  notes: string[];
}

/** Conversation in → clarification or deployment plan out (Agent 1, then Agent 2). */
export async function runPipeline(turns: ConversationTurn[], deps: PipelineDeps): Promise<PipelineResult> {
  const status = deps.onStatus ?? (() => {});
  status("requirements", "Understanding the request");
  const req = await understandRequirements(turns, { llm: deps.llm, resolveModel: deps.resolveModel });
  if (req.kind === "clarification") {
    return {
      type: "clarification",
      content: clarificationMarkdown(req.clarification),
      spec: req.spec,
      clarification: req.clarification,
      plan: null,
      engine: req.engine,
      notes: req.notes,
    };
  }
  const facts = await gatherFacts(req.spec, req.extras, req.assumptions, deps.tools, status);
  status("writing", "Writing the plan");
  const notes = [...req.notes];
  let summary = offlineSummary(facts);
  let engine: "llm" | "offline" = req.engine;
  // When the deployment does not fit, the headline must say so first: the fixed template does.
  if (deps.llm && facts.fits) {
    try {
      summary = await llmSummary(deps.llm, writerFacts(facts));
      engine = "llm";
    } catch (err) {
      notes.push(`LLM summary not used: ${(err as Error).message}`);
    }
  }
  const plan = buildPlan(facts, summary, engine);
  return { type: "plan", content: planMarkdown(plan), spec: req.spec, clarification: null, plan, engine, notes };
}

/** The compact, number-bearing facts the LLM writer may use (and nothing else). */
function writerFacts(f: ArchitectFacts) {
  const top = chosenCompute(f).slice(0, 3);
  return {
    workload: f.spec,
    memory_gb_required: f.sizing.memory_gb_required,
    breakdown_gb: f.sizing.breakdown,
    budget_monthly_usd: f.spec.budget_monthly_usd ?? null,
    instances: top.map((r) => ({
      provider: r.provider, instance_type: r.instance_type, region: r.region, gpus: `${r.gpu_count}x ${r.gpu_model}`,
      gpu_memory_gb: r.gpu_memory_gb, price_per_hour_usd: r.price_per_hour_usd, monthly_cost_usd: r.monthly_cost_usd,
    })),
    fits_budget: f.spec.budget_monthly_usd === undefined || !top[0] ? null : top[0].monthly_cost_usd <= f.spec.budget_monthly_usd,
    models: f.models.results.slice(0, 3).map((m) => m.id),
    fits: f.fits,
    charts: chosenPackages(f).map((p) => p.name),
    deployment: buildDeployments(f)[0] ?? null,
    local_cluster: { connected: f.local.connected, fits: f.local.fits ?? null },
  };
}

export function clarificationMarkdown(c: Clarification): string {
  const lines = ["To size this properly I need a bit more:", ""];
  c.questions.forEach((q, i) => {
    lines.push(`${i + 1}. **${q.question}**${q.options.length ? ` — e.g. ${q.options.map((o) => `*${o}*`).join(", ")}` : ""}`);
  });
  return lines.join("\n");
}
