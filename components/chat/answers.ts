import type { Clarification } from "@/lib/schemas/workload-spec";

const ANSWER_LABELS: Record<string, string> = {
  task: "Task",
  budget: "Budget",
  budget_monthly_usd: "Budget",
  model: "Model",
  modality: "Workload type",
  precision: "Precision",
  gpu: "GPU",
  gpu_type: "GPU type",
  gpu_model: "GPU model",
  gpu_count: "GPU count",
  gpu_memory: "GPU memory",
  fine_tune_method: "Method",
  spot_ok: "Spot instances",
  tools: "Tools",
  providers: "Cloud",
  provider: "Cloud",
  regions: "Region",
  region: "Region",
  context_length: "Context length",
  concurrency: "Concurrency",
};

export function answerLabel(id: string): string {
  return ANSWER_LABELS[id] ?? id.replace(/[_-]+/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}

/** "Task: inference. Budget: $500/month" from the picked options, in question order. */
export function composeAnswers(questions: Clarification["questions"], picked: Record<string, string>): string {
  return questions
    .filter((q) => picked[q.id])
    .map((q) => `${answerLabel(q.id)}: ${picked[q.id]}`)
    .join(". ");
}
