import type { StoredMessage } from "@/lib/schemas/chat";
import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { DeploymentPlan } from "@/lib/schemas/plan";

export type StatusStepId = "requirements" | "local_check" | "compute_search" | "hf_search" | "k8s_search" | "writing";

export interface StatusStep {
  step: StatusStepId | string;
  message: string;
  done: boolean;
}

/** A message as the UI holds it: stored messages, plus the live state of one being streamed. */
export interface UiMessage {
  id: string;
  /** The stored message's id once the server has it (for downloads of the plan's files). */
  serverId?: string;
  role: "user" | "assistant";
  content: string;
  type?: "clarification" | "plan" | "error";
  spec?: WorkloadSpec;
  clarification?: Clarification | null;
  plan?: DeploymentPlan | null;
  /** Progress of the agents while the answer is being produced. */
  status?: StatusStep[];
  streaming?: boolean;
  /** A failure producing this assistant message (network, 4xx/5xx, `event: error`). */
  error?: { code: string; message: string };
}

export function fromStoredMessages(messages: StoredMessage[]): UiMessage[] {
  const out: UiMessage[] = [];
  for (const m of messages) {
    if (m.role === "system") continue;
    // Older rows may carry type "error" (a failed answer); treat it as such if it appears.
    const failed = (m.type as string | undefined) === "error";
    out.push({
      id: m.id,
      serverId: m.id,
      role: m.role,
      content: m.content,
      type: m.type,
      spec: m.spec,
      clarification: m.clarification ?? null,
      plan: m.plan ?? null,
      ...(failed ? { type: "error" as const, error: { code: "error", message: m.content || "This answer failed." } } : {}),
    });
  }
  return out;
}

export const STEP_LABELS: Record<StatusStepId, string> = {
  requirements: "Understanding request",
  local_check: "Checking local cluster",
  compute_search: "Searching cloud instances",
  hf_search: "Searching Hugging Face models",
  k8s_search: "Searching Helm charts",
  writing: "Writing the answer",
};

export function stepLabel(step: string): string {
  return (STEP_LABELS as Record<string, string>)[step] ?? step.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
}
