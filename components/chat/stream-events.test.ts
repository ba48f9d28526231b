import { describe, expect, it } from "vitest";
import { composeAnswers } from "./answers";
import { applyStreamEvent } from "./stream-events";
import type { UiMessage } from "./types";

const start: UiMessage = { id: "a1", role: "assistant", content: "", streaming: true, status: [] };
const ev = (event: string, data: unknown) => ({ event, data: JSON.stringify(data) });

describe("applyStreamEvent", () => {
  it("tracks status steps: earlier ones are done, a repeated step updates its message", () => {
    let m = applyStreamEvent(start, ev("status", { step: "requirements", message: "Understanding request…" }));
    m = applyStreamEvent(m, ev("status", { step: "compute_search", message: "Searching instances…" }));
    m = applyStreamEvent(m, ev("status", { step: "compute_search", message: "Searching 20,431 instances…" }));
    expect(m.status).toEqual([
      { step: "requirements", message: "Understanding request…", done: true },
      { step: "compute_search", message: "Searching 20,431 instances…", done: false },
    ]);
  });

  it("appends deltas, then the result replaces content and ends streaming", () => {
    let m = applyStreamEvent(start, ev("delta", { text: "Hello" }));
    m = applyStreamEvent(m, ev("delta", { text: " world" }));
    expect(m.content).toBe("Hello world");
    m = applyStreamEvent(m, ev("status", { step: "writing", message: "Writing" }));
    m = applyStreamEvent(
      m,
      ev("result", { conversation_id: "c", message_id: "m", type: "clarification", content: "Final.", spec: {}, plan: null,
        clarification: { questions: [{ id: "task", question: "What?", options: ["a"] }] } }),
    );
    expect(m).toMatchObject({ content: "Final.", type: "clarification", streaming: false, plan: null });
    expect(m.status?.every((s) => s.done)).toBe(true);
    expect(m.clarification?.questions[0].id).toBe("task");
  });

  it("turns an error event into an error message", () => {
    const m = applyStreamEvent(start, ev("error", { error: { code: "unavailable", message: "LLM down" } }));
    expect(m).toMatchObject({ streaming: false, type: "error", error: { code: "unavailable", message: "LLM down" } });
  });

  it("ignores malformed and unknown events", () => {
    expect(applyStreamEvent(start, { event: "delta", data: "{oops" })).toBe(start);
    expect(applyStreamEvent(start, ev("ping", {}))).toBe(start);
    expect(applyStreamEvent(start, { event: "result", data: "nope" }).error?.code).toBe("bad_response");
  });
});

describe("composeAnswers", () => {
  it("joins picked options in question order with labels", () => {
    const questions = [
      { id: "task", question: "Task?", options: ["inference", "training"] },
      { id: "gpu_type", question: "GPU?", options: ["A100"] },
      { id: "serving_stack", question: "Stack?", options: ["vLLM"] },
      { id: "budget", question: "Budget?", options: ["$500/month"] },
    ];
    expect(composeAnswers(questions, { budget: "$500/month", task: "inference" })).toBe("Task: inference. Budget: $500/month");
    expect(composeAnswers(questions, { gpu_type: "A100", serving_stack: "vLLM" })).toBe("GPU type: A100. Serving stack: vLLM");
  });
});
