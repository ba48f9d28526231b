import { describe, expect, it } from "vitest";
import { MockLanguageModelV3 } from "ai/test";
import { APICallError } from "ai";
import { LlmMonitor } from "./llm-monitor";
import { LlmTurn } from "./llm-turn";
import { LlmFallback } from "./llm-failure";

function setup(timeoutMs = 1_000, threshold = 2) {
  const lines: string[] = [];
  let now = 1_000_000;
  const monitor = new LlmMonitor({ failureThreshold: threshold, cooldownMs: 60_000 }, "openai:test", (l) => lines.push(l), () => now);
  const engine = { model: new MockLanguageModelV3(), label: "openai:test", timeoutMs, monitor };
  return { lines, monitor, engine, advance: (ms: number) => (now += ms) };
}
const http = (statusCode: number, headers: Record<string, string> = {}) => {
  throw new APICallError({ message: "secret body sk-123", url: "http://x", requestBodyValues: {}, statusCode, responseHeaders: headers });
};

describe("LlmTurn", () => {
  it("a success is recorded; a failure is one log line with the reason and status, no provider text", async () => {
    const { lines, monitor, engine } = setup();
    const turn = new LlmTurn(engine);
    expect(await turn.run("requirements", async () => 42)).toEqual({ ok: true, value: 42 });
    expect(monitor.status()).toMatchObject({ state: "ok", last_outcome: "ok", last_stage: "requirements" });
    expect(await turn.run("summary", async () => http(500))).toEqual({ ok: false, reason: "server_error", status: 500 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[llm\] fallback stage=summary reason=server_error status=500 model=openai:test ms=\d+$/);
    expect(monitor.status()).toMatchObject({ state: "failing", last_outcome: "server_error", last_status: 500, consecutive_failures: 1 });
  });

  it("the calls of a turn share one budget: a hang spends it, the next stage is not started", async () => {
    const { engine, lines } = setup(300);
    const turn = new LlmTurn(engine);
    const t0 = performance.now();
    const hang = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    expect(await turn.run("requirements", hang)).toMatchObject({ ok: false, reason: "timeout" });
    let called = false;
    expect(await turn.run("summary", async () => (called = true))).toMatchObject({ ok: false, reason: "budget_exhausted" });
    expect(called).toBe(false);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(lines.map((l) => /reason=(\S+)/.exec(l)![1])).toEqual(["timeout", "budget_exhausted"]);
  });

  it("after `threshold` provider failures later turns skip the LLM until the cool-down ends", async () => {
    const { engine, monitor, advance } = setup(1_000, 2);
    await new LlmTurn(engine).run("requirements", async () => http(503));
    await new LlmTurn(engine).run("requirements", async () => http(503));
    let calls = 0;
    const skipped = await new LlmTurn(engine).run("requirements", async () => calls++);
    expect(skipped).toMatchObject({ ok: false, reason: "circuit_open" });
    expect(calls).toBe(0);
    expect(monitor.status().resumes_at).not.toBeNull();
    advance(60_000);
    expect(await new LlmTurn(engine).run("requirements", async () => calls++)).toMatchObject({ ok: true });
    expect(monitor.status()).toMatchObject({ state: "ok", consecutive_failures: 0, resumes_at: null });
  });

  it("a 429's Retry-After is respected by later turns", async () => {
    const { engine, advance, lines } = setup(1_000, 5);
    await new LlmTurn(engine).run("requirements", async () => http(429, { "retry-after": "30" }));
    expect(lines[0]).toContain("retry_after_ms=30000");
    expect(await new LlmTurn(engine).run("requirements", async () => 1)).toMatchObject({ ok: false, reason: "retry_after" });
    advance(30_000);
    expect(await new LlmTurn(engine).run("requirements", async () => 1)).toMatchObject({ ok: true });
  });

  it("an unusable answer is logged but does not count against the provider", async () => {
    const { engine, monitor } = setup(1_000, 1);
    await new LlmTurn(engine).run("summary", async () => {
      throw new LlmFallback("ungrounded_number");
    });
    expect(monitor.status()).toMatchObject({ state: "ok", last_outcome: "ungrounded_number", consecutive_failures: 0, resumes_at: null });
  });
});
