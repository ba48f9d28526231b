import { describe, expect, it } from "vitest";
import { MAX_CHARS_PER_MESSAGE, MAX_USER_CHARS_TOTAL, requirementsContext, type ChatTurnForLlm } from "./requirements-context";

const u = (content: string): ChatTurnForLlm => ({ role: "user", content });

describe("requirementsContext (bounded history for Agent 1)", () => {
  it("has the spec so far, the open questions, the ids already asked and the user's messages, not the plans", () => {
    const plan = "## Plan\nUse aws p4d.24xlarge at $32.77/h …".repeat(50);
    const text = requirementsContext([
      u("Deploy Llama 3 70B"),
      { role: "assistant", content: plan, spec: { task: "inference", model: { name: "Llama 3 70B", params_b: 70 } } },
      u("What about fine-tuning?"),
      { role: "assistant", content: "Which method?", clarification: { questions: [{ id: "fine_tune_method", question: "LoRA or full?", options: ["LoRA", "Full"] }] }, spec: { task: "fine_tuning" } },
      u("LoRA please"),
    ]);
    expect(text).toContain('Spec understood so far (JSON): {"task":"fine_tuning"}');
    expect(text).toContain("[fine_tune_method] LoRA or full? (options: LoRA | Full)");
    expect(text).toContain("already asked (never ask them again): fine_tune_method");
    expect(text).toMatch(/\[1\] Deploy Llama 3 70B\n\[2\] What about fine-tuning\?\n\[3\] LoRA please$/);
    expect(text).not.toContain("p4d.24xlarge");
  });

  it("stays bounded for a long conversation: latest messages kept, each truncated, older ones counted as omitted", () => {
    const turns: ChatTurnForLlm[] = [];
    for (let i = 0; i < 40; i++) turns.push(u(`message ${i} ${"x".repeat(3_000)}`), { role: "assistant", content: "plan ".repeat(600), spec: { task: "inference" } });
    turns.push(u("final question"));
    const text = requirementsContext(turns);
    expect(text.length).toBeLessThan(MAX_USER_CHARS_TOTAL + 1_000);
    expect(text).toMatch(/\[\d+\] final question$/);
    expect(text).toMatch(/\(\d+ earlier ones omitted\)/);
    expect(text).not.toContain("message 0 ");
    for (const line of text.split("\n").filter((l) => l.startsWith("[") && l.includes("message"))) expect(line.length).toBeLessThanOrEqual(MAX_CHARS_PER_MESSAGE + 6);
  });

  it("a first message: nothing understood yet, no questions", () => {
    expect(requirementsContext([u("I need GPUs")])).toBe("Spec understood so far (JSON): nothing yet\nThe user's messages, oldest first:\n[1] I need GPUs");
  });
});
