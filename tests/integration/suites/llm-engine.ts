import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { resetLlmMonitorForTests } from "@/lib/ai/provider";
import type { ChatResponse } from "@/lib/schemas/chat";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { GET as healthRoute } from "@/app/api/health/route";
import { startFakeOpenAI, type FakeBehaviour, type FakeOpenAI } from "../../fake-openai/server";
import { failureReplies, groundedSummary, planData, requirementsReplies, summaryReplies } from "../../fake-openai/replies";
import { strictSchemaViolation } from "../../fake-openai/strict-rules";
import { api, call, parseSse, useDbForRoutes } from "../api-client";
import { envOverride, expectPlanInvariants, offlineEnv } from "./chat-helpers";

/** The LLM's per-turn time budget in this suite (LLM_TIMEOUT_MS). */
const BUDGET_MS = 1_500;
const MESSAGE = "We want to serve Llama 3.1 8B Instruct for a support chatbot, inference only, budget $1500 a month";

/** Everything in a plan but its prose and labels: what must never change whichever engine wrote the prose. */
const numbersOf = (p: DeploymentPlan) => {
  const { summary: _s, engine: _e, engines: _es, engine_notes: _n, assumptions: _a, ...rest } = p;
  return rest;
};

interface ModeCase {
  name: string;
  enforceSchema?: boolean;
  apiKey?: string;
  requirements: () => FakeBehaviour;
  summary: () => FakeBehaviour;
  engines: { requirements: "llm" | "offline"; summary: "llm" | "offline" };
  notes: string[];
  /** Requests the fake receives, per stage. */
  calls: { requirements: number; summary: number };
  /** The fallback log lines' `stage reason status`, in order. */
  logs: string[];
}

export function llmEngineSuite(h: () => DbHandle) {
  describe("LLM engine against a loopback OpenAI-compatible server", () => {
    let fake: FakeOpenAI;
    const offline = offlineEnv();
    let llmEnv: ReturnType<typeof envOverride>;
    let baseline: ChatResponse;
    let baselineMs = 0;
    let logs: string[] = [];
    beforeAll(async () => {
      fake = await startFakeOpenAI();
      useDbForRoutes(h());
      // The offline answer to the same message: the numbers every mode must keep.
      offline.apply();
      const t0 = performance.now();
      const r = await api.start({ message: MESSAGE });
      baselineMs = performance.now() - t0;
      expect(r.status).toBe(201);
      baseline = r.json.response;
      expectPlanInvariants(baseline);
      expect(baseline.plan!.engines).toEqual({ requirements: "offline", summary: "offline" });
      llmEnv = envOverride({ OPENAI_API_KEY: "sk-test-fake-key-0123456789", OPENAI_BASE_URL: fake.url, LLM_TIMEOUT_MS: String(BUDGET_MS), LLM_BREAKER_FAILURES: "3", LLM_BREAKER_COOLDOWN_MS: "60000" });
      llmEnv.apply();
    });
    afterAll(async () => {
      llmEnv?.restore();
      offline.restore();
      resetLlmMonitorForTests();
      await fake.close();
    });
    beforeEach(() => {
      fake.reset();
      resetLlmMonitorForTests();
      logs = [];
      vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
        logs.push(args.map(String).join(" "));
      });
    });
    afterEach(() => vi.restoreAllMocks());

    const fallbackLogs = () => logs.filter((l) => l.startsWith("[llm] fallback"));
    const logKey = (l: string) => {
      const m = /stage=(\S+) reason=(\S+) status=(\S+)/.exec(l)!;
      return `${m[1]} ${m[2]} ${m[3]}`;
    };
    const agreeingSpec = () => baseline.spec as Record<string, unknown>;

    const cases: ModeCase[] = [
      {
        name: "strict structured output (OpenAI's schema rules enforced)",
        requirements: () => requirementsReplies.structured(agreeingSpec()),
        summary: summaryReplies.grounded,
        engines: { requirements: "llm", summary: "llm" }, notes: [], calls: { requirements: 1, summary: 1 }, logs: [],
      },
      {
        name: "fenced JSON from a server that ignores response_format",
        enforceSchema: false,
        requirements: () => requirementsReplies.fenced(agreeingSpec()),
        summary: summaryReplies.grounded,
        engines: { requirements: "llm", summary: "llm" }, notes: [], calls: { requirements: 1, summary: 1 }, logs: [],
      },
      {
        name: "null for unknown fields",
        enforceSchema: false,
        requirements: () => requirementsReplies.nulls(agreeingSpec()),
        summary: summaryReplies.grounded,
        engines: { requirements: "llm", summary: "llm" }, notes: [], calls: { requirements: 1, summary: 1 }, logs: [],
      },
      {
        name: "prose instead of JSON: one repair attempt, then the offline spec",
        enforceSchema: false,
        requirements: requirementsReplies.prose,
        summary: summaryReplies.grounded,
        engines: { requirements: "offline", summary: "llm" }, notes: ["requirements:invalid_output"], calls: { requirements: 2, summary: 1 },
        logs: ["requirements invalid_output -"],
      },
      {
        name: "an invented price in the summary",
        requirements: () => requirementsReplies.structured(agreeingSpec()),
        summary: summaryReplies.inventedPrice,
        engines: { requirements: "llm", summary: "offline" }, notes: ["summary:ungrounded_number"], calls: { requirements: 1, summary: 1 },
        logs: ["summary ungrounded_number -"],
      },
      {
        name: "the memory figure presented as a monthly price",
        requirements: () => requirementsReplies.structured(agreeingSpec()),
        summary: summaryReplies.swappedFigure,
        engines: { requirements: "llm", summary: "offline" }, notes: ["summary:ungrounded_number"], calls: { requirements: 1, summary: 1 },
        logs: ["summary ungrounded_number -"],
      },
      {
        name: "a refusal as the summary",
        requirements: () => requirementsReplies.structured(agreeingSpec()),
        summary: summaryReplies.refusal,
        engines: { requirements: "llm", summary: "offline" }, notes: ["summary:refusal"], calls: { requirements: 1, summary: 1 },
        logs: ["summary refusal -"],
      },
      {
        name: "lorem ipsum as the summary (names neither model nor instance)",
        requirements: () => requirementsReplies.structured(agreeingSpec()),
        summary: summaryReplies.lorem,
        engines: { requirements: "llm", summary: "offline" }, notes: ["summary:missing_names"], calls: { requirements: 1, summary: 1 },
        logs: ["summary missing_names -"],
      },
      {
        name: "401 (wrong key)",
        apiKey: "sk-some-other-key",
        requirements: summaryReplies.lorem,
        summary: summaryReplies.lorem,
        engines: { requirements: "offline", summary: "offline" }, notes: ["requirements:auth_failed", "summary:auth_failed"], calls: { requirements: 1, summary: 1 },
        logs: ["requirements auth_failed 401", "summary auth_failed 401"],
      },
      {
        name: "429 with Retry-After: the summary does not call again",
        requirements: () => failureReplies.rateLimited(30),
        summary: summaryReplies.grounded,
        engines: { requirements: "offline", summary: "offline" }, notes: ["requirements:rate_limited", "summary:retry_after"], calls: { requirements: 1, summary: 0 },
        logs: ["requirements rate_limited 429", "summary retry_after -"],
      },
      {
        name: "404 (wrong model name)",
        requirements: failureReplies.modelNotFound,
        summary: failureReplies.modelNotFound,
        engines: { requirements: "offline", summary: "offline" }, notes: ["requirements:bad_request", "summary:bad_request"], calls: { requirements: 1, summary: 1 },
        logs: ["requirements bad_request 404", "summary bad_request 404"],
      },
      {
        name: "500",
        requirements: failureReplies.serverError,
        summary: failureReplies.serverError,
        engines: { requirements: "offline", summary: "offline" }, notes: ["requirements:server_error", "summary:server_error"], calls: { requirements: 1, summary: 1 },
        logs: ["requirements server_error 500", "summary server_error 500"],
      },
      {
        name: "a hang: the turn's one budget runs out once",
        requirements: failureReplies.hang,
        summary: failureReplies.hang,
        engines: { requirements: "offline", summary: "offline" }, notes: ["requirements:timeout", "summary:budget_exhausted"], calls: { requirements: 1, summary: 0 },
        logs: ["requirements timeout -", "summary budget_exhausted -"],
      },
    ];

    for (const c of cases) {
      it(`${c.name}: labels ${c.engines.requirements}/${c.engines.summary}, no invented number, nothing lost`, async () => {
        fake.set({ requirements: c.requirements(), summary: c.summary(), enforceSchema: c.enforceSchema ?? true, ...(c.apiKey ? { apiKey: c.apiKey } : {}) });
        const t0 = performance.now();
        const r = await api.start({ message: MESSAGE });
        const ms = performance.now() - t0;

        expect(r.status, r.text).toBe(201);
        const res: ChatResponse = r.json.response;
        const plan = expectPlanInvariants(res);
        // Labels: who produced the spec and who wrote the prose, and the reason codes.
        expect(plan.engines).toEqual(c.engines);
        expect(res.engine).toBe(c.engines.summary);
        expect(plan.engine).toBe(c.engines.summary);
        expect(plan.engine_notes ?? []).toEqual(c.notes);
        expect(res.engine_notes ?? []).toEqual(c.notes);
        // What the fake saw.
        expect(fake.requests.filter((q) => q.stage === "requirements")).toHaveLength(c.calls.requirements);
        expect(fake.requests.filter((q) => q.stage === "summary")).toHaveLength(c.calls.summary);
        for (const q of fake.requests) {
          if (q.stage === "requirements") {
            expect(q.body.response_format?.json_schema?.strict).toBe(true);
            expect(strictSchemaViolation("requirements", q.body.response_format?.json_schema?.schema)).toBeNull();
          }
        }
        // No invented number: an LLM summary is the grounded one; otherwise the offline one, word for word.
        if (c.engines.summary === "llm") {
          const writer = fake.requests.find((q) => q.stage === "summary")!;
          expect(plan.summary).toBe(groundedSummary(planData(writer.body)));
        } else {
          expect(plan.summary).toBe(baseline.plan!.summary);
          expect(plan.summary).not.toContain("$2/h");
          expect(plan.summary).not.toMatch(/sorry|lorem/i);
        }
        // Nothing lost: the same numbers as the offline plan, and both messages stored.
        expect(numbersOf(plan)).toEqual(numbersOf(baseline.plan!));
        const stored = await api.get(r.json.conversation_id);
        expect(stored.json.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
        expect(stored.json.messages[1].plan).toEqual(plan);
        // One log line per fallback: stage, reason code, provider status; no key, no message or provider text.
        expect(fallbackLogs().map(logKey)).toEqual(c.logs);
        for (const l of fallbackLogs()) {
          expect(l).not.toMatch(/sk-|Incorrect API key|Rate limit reached|Llama 3\.1 8B|support chatbot/);
        }
        // Time: one LLM budget per turn, whatever happened.
        expect(ms).toBeLessThan(BUDGET_MS + baselineMs * 2 + 3_000);
      });
    }

    it("a hang costs the turn one budget, not one per call", async () => {
      fake.set({ requirements: failureReplies.hang(), summary: failureReplies.hang() });
      const t0 = performance.now();
      const r = await api.start({ message: MESSAGE });
      const ms = performance.now() - t0;
      expect(r.status).toBe(201);
      expect(ms).toBeGreaterThanOrEqual(BUDGET_MS * 0.9);
      expect(ms).toBeLessThan(BUDGET_MS * 2);
    });

    it("the circuit breaker: after 3 failed calls the LLM is skipped, and health says so without calling it", async () => {
      fake.set({ requirements: failureReplies.serverError(), summary: failureReplies.serverError() });
      const first = await api.start({ message: MESSAGE }); // 2 failures
      const second = await api.start({ message: MESSAGE }); // 1 more failure opens the breaker; the summary is skipped
      expect(first.json.response.engine_notes).toEqual(["requirements:server_error", "summary:server_error"]);
      expect(second.json.response.engine_notes).toEqual(["requirements:server_error", "summary:circuit_open"]);
      expect(fake.requests).toHaveLength(3);
      const third = await api.start({ message: MESSAGE });
      expect(third.status).toBe(201);
      expect(third.json.response.engine_notes).toEqual(["requirements:circuit_open", "summary:circuit_open"]);
      expect(fake.requests).toHaveLength(3);
      expect(numbersOf(third.json.response.plan)).toEqual(numbersOf(baseline.plan!));
      const health = await call(healthRoute());
      expect(fake.requests).toHaveLength(3);
      expect(health.json.llm).toBe("openai:gpt-4o-mini");
      expect(health.json.llm_status).toMatchObject({ state: "failing", last_outcome: "circuit_open", consecutive_failures: 3 });
      expect(Date.parse(health.json.llm_status.resumes_at)).toBeGreaterThan(Date.now() + 50_000);
    });

    it("a 429's Retry-After holds the next turns too; health reports it", async () => {
      fake.set({ requirements: failureReplies.rateLimited(30), summary: failureReplies.rateLimited(30) });
      await api.start({ message: MESSAGE });
      const next = await api.start({ message: MESSAGE });
      expect(next.json.response.engine_notes).toEqual(["requirements:retry_after", "summary:retry_after"]);
      expect(fake.requests).toHaveLength(1);
      const health = await call(healthRoute());
      expect(health.json.llm_status.state).toBe("failing");
      expect(health.json.llm_status.last_status).toBeNull();
      const resumes = Date.parse(health.json.llm_status.resumes_at) - Date.now();
      expect(resumes).toBeGreaterThan(25_000);
      expect(resumes).toBeLessThanOrEqual(30_000);
    });

    it("health reports ok after a successful turn", async () => {
      fake.set({ requirements: requirementsReplies.structured(agreeingSpec()), summary: summaryReplies.grounded() });
      await api.start({ message: MESSAGE });
      const health = await call(healthRoute());
      expect(health.json.llm_status).toMatchObject({ state: "ok", last_outcome: "ok", last_stage: "summary", consecutive_failures: 0, resumes_at: null });
    });

    it("the streaming route labels the engines the same way", async () => {
      fake.set({ requirements: requirementsReplies.structured(agreeingSpec()), summary: summaryReplies.inventedPrice() });
      const r = await api.stream({ message: MESSAGE });
      expect(r.status).toBe(200);
      const result = parseSse(r.text).find((e) => e.event === "result")!.data as ChatResponse;
      expect(result.plan!.engines).toEqual({ requirements: "llm", summary: "offline" });
      expect(result.engine_notes).toEqual(["summary:ungrounded_number"]);
      expect(result.plan!.summary).toBe(baseline.plan!.summary);
    });

    it("Agent 1 sees the spec so far, the open questions and the user's messages, never earlier plans", async () => {
      fake.set({ requirements: requirementsReplies.structured(agreeingSpec()), summary: summaryReplies.grounded() });
      const start = await api.start({ message: MESSAGE });
      const follow = await api.message(start.json.owner_token, { conversation_id: start.json.conversation_id, message: "Actually make it GCP only" });
      expect(follow.status).toBe(200);
      const second = fake.requests.filter((q) => q.stage === "requirements")[1];
      const sent = JSON.stringify(second.body.messages);
      expect(sent).toContain("Actually make it GCP only");
      expect(sent).toContain("support chatbot");
      expect(sent).toContain("Spec understood so far");
      expect(sent).not.toContain(start.json.response.plan.summary.slice(0, 40));
      expect(sent).not.toContain(start.json.response.plan.compute[0].instance_type);
    });
  });
}
