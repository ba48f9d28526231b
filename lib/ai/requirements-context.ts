import type { Clarification, WorkloadSpec } from "@/lib/schemas/workload-spec";

/** One stored turn as Agent 1 may see it. */
export interface ChatTurnForLlm {
  role: "user" | "assistant";
  content: string;
  clarification?: Clarification | null;
  spec?: WorkloadSpec | null;
}

export const MAX_USER_MESSAGES = 8;
export const MAX_CHARS_PER_MESSAGE = 1_000;
export const MAX_CHARS_LATEST_MESSAGE = 3_000;
export const MAX_USER_CHARS_TOTAL = 6_000;

/**
 * What Agent 1 is sent instead of the whole conversation, so it stays small for small-context
 * local models: the spec understood so far, the open questions, the ids already asked, and the
 * user's own messages (the latest ones, each truncated). Earlier plans are never resent.
 */
export function requirementsContext(turns: ChatTurnForLlm[]): string {
  const lastAssistant = [...turns].reverse().find((t) => t.role === "assistant");
  const spec = [...turns].reverse().find((t) => t.role === "assistant" && t.spec)?.spec ?? null;
  const open = lastAssistant?.clarification?.questions ?? [];
  const asked = [...new Set(turns.flatMap((t) => (t.role === "assistant" ? (t.clarification?.questions ?? []).map((q) => q.id) : [])))];

  const users = turns.filter((t) => t.role === "user").map((t) => t.content.trim());
  const kept: string[] = [];
  let total = 0;
  for (let i = users.length - 1; i >= 0 && kept.length < MAX_USER_MESSAGES; i--) {
    const text = truncate(users[i], i === users.length - 1 ? MAX_CHARS_LATEST_MESSAGE : MAX_CHARS_PER_MESSAGE);
    if (kept.length > 0 && total + text.length > MAX_USER_CHARS_TOTAL) break;
    kept.unshift(text);
    total += text.length;
  }
  const omitted = users.length - kept.length;

  const lines = [`Spec understood so far (JSON): ${spec ? JSON.stringify(spec) : "nothing yet"}`];
  if (open.length) {
    lines.push("Questions the assistant asked last and the user may be answering:");
    for (const q of open) lines.push(`- [${q.id}] ${q.question}${q.options.length ? ` (options: ${q.options.join(" | ")})` : ""}`);
  }
  if (asked.length) lines.push(`Question ids already asked (never ask them again): ${asked.join(", ")}`);
  lines.push(`The user's messages, oldest first${omitted > 0 ? ` (${omitted} earlier ones omitted)` : ""}:`);
  kept.forEach((m, i) => lines.push(`[${i + 1}] ${m}`));
  return lines.join("\n");
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
