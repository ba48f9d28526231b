import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { ChatResponse, Conversation } from "@/lib/schemas/chat";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { api } from "../api-client";
import { useOfflineRoutes } from "./chat-helpers";
import { answer, artifact, deployment, instance, JUPYTERHUB_VALUES, node, profile } from "./workload-kinds-fixtures";
import { CASES, KINDS, judgeCase, judgeRatePairs, type CaseKind, type WorkloadCase } from "./workload-kinds-cases";

interface CaseResult {
  c: WorkloadCase;
  answer: ChatResponse | null;
  failures: string[];
  ms: number;
}

/** Send the first message and every follow-up (whatever each answer was); transport failures are reasons, not throws. */
async function runCase(c: WorkloadCase): Promise<{ answer: ChatResponse | null; failures: string[] }> {
  const failures: string[] = [];
  const turns = [c.text, ...(c.followUps ?? [])];
  const s = await api.start({ message: c.text });
  if (s.status !== 201) return { answer: null, failures: [`start returned ${s.status}: ${s.text.slice(0, 200)}`] };
  const { conversation_id, owner_token } = s.json;
  let answer: ChatResponse = s.json.response;
  for (const m of turns.slice(1)) {
    const r = await api.message(owner_token, { conversation_id, message: m });
    if (r.status !== 200) return { answer, failures: [`follow-up "${m}" returned ${r.status}: ${r.text.slice(0, 200)}`] };
    answer = r.json;
  }
  // The conversation is stored: every turn and every answer, in order.
  const g = await api.get(conversation_id);
  if (g.status !== 200) failures.push(`GET conversation returned ${g.status}`);
  else {
    const msgs = (g.json as Conversation).messages;
    const roles = msgs.map((x) => x.role).join(",");
    const want = turns.map(() => "user,assistant").join(",");
    if (roles !== want) failures.push(`stored messages ${roles} ≠ ${want}`);
    else if (turns.some((t, i) => msgs[2 * i].content !== t)) failures.push("a stored user message differs from what was sent");
    else if (msgs[msgs.length - 1].type !== answer.type) failures.push(`stored last answer is a ${msgs[msgs.length - 1].type}, returned a ${answer.type}`);
  }
  return { answer, failures };
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);
const GROUPS: CaseKind[] = [...KINDS, "bad_input"];

function rates(results: CaseResult[]) {
  const rows = GROUPS.map((k) => {
    const rs = results.filter((r) => r.c.kind === k);
    const passed = rs.filter((r) => !r.failures.length).length;
    return { kind: k, passed, total: rs.length, rate: pct(passed, rs.length) };
  });
  const five = results.filter((r) => r.c.kind !== "bad_input");
  const overall = pct(five.filter((r) => !r.failures.length).length, five.length);
  return { rows, overall, fiveTotal: five.length };
}

function markdown(backend: string, results: CaseResult[]): string {
  const { rows, overall, fiveTotal } = rates(results);
  const lines = [
    `# Workload kinds — ${backend}`,
    "",
    `Run ${new Date().toISOString()}, offline engine, real catalog snapshot. ${results.length} requests (${fiveTotal} in the five kinds).`,
    "",
    "| kind | passed | total | pass rate |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.kind} | ${r.passed} | ${r.total} | ${r.rate.toFixed(0)}% |`),
    `| **five kinds overall** | | ${fiveTotal} | **${overall.toFixed(0)}%** |`,
    "",
    "Thresholds: overall ≥ 90%, each kind ≥ 80%, every bad-input case passes.",
    "",
    "## Failures",
    "",
  ];
  for (const k of GROUPS) {
    const failed = results.filter((r) => r.c.kind === k && r.failures.length);
    if (!failed.length) continue;
    lines.push(`### ${k}`, "");
    for (const r of failed) {
      const turns = [r.c.text, ...(r.c.followUps ?? [])].map((t) => `“${t}”`).join(" → ");
      lines.push(`- ${turns} (${r.answer?.type ?? "no answer"}, ${r.ms} ms)`);
      for (const f of r.failures) lines.push(`  - ${f}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * Issue 11, "Advice for every kind of workload": a scenario suite of realistic requests
 * (multi-component stacks, platforms and tools, development environments for N people, CPU-only
 * serving, non-LLM models, bad input), judged by behaviour; writes reports/workload-kinds-<backend>.md
 * and holds the engine to ≥ 90% overall, ≥ 80% per kind, all bad-input cases.
 */
export function workloadKindsSuite(h: () => DbHandle, backend: string) {
  describe("workload kinds (offline engine, real catalog)", () => {
    useOfflineRoutes(h);
    let results: CaseResult[] = [];

    beforeAll(async () => {
      const answers: (ChatResponse | null)[] = [];
      results = [];
      for (const c of CASES) {
        const t0 = Date.now();
        let run: { answer: ChatResponse | null; failures: string[] };
        try {
          run = await runCase(c);
        } catch (e) {
          run = { answer: null, failures: [`crashed: ${(e as Error).message}`] };
        }
        const failures = [...run.failures, ...(run.answer ? judgeCase(c, run.answer) : run.failures.length ? [] : ["no answer"])];
        answers.push(run.answer);
        results.push({ c, answer: run.answer, failures, ms: Date.now() - t0 });
      }
      for (const [i, f] of judgeRatePairs(CASES, answers)) results[i].failures.push(...f);

      const file = path.resolve("reports", `workload-kinds-${backend}.md`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, markdown(backend, results));
      const { rows, overall } = rates(results);
      console.log(
        [`workload kinds [${backend}] → ${file}`, ...rows.map((r) => `  ${r.kind.padEnd(10)} ${String(r.passed).padStart(2)}/${r.total}  ${r.rate.toFixed(0)}%`), `  overall    ${overall.toFixed(0)}%`].join("\n"),
      );
    }, 900_000);

    it("has at least 8 requests of each kind and 60 in all", () => {
      for (const k of KINDS) expect(CASES.filter((c) => c.kind === k).length, k).toBeGreaterThanOrEqual(8);
      expect(CASES.filter((c) => c.kind !== "bad_input").length).toBeGreaterThanOrEqual(60);
    });

    it("judges cannot pass vacuously: an empty plan (no deployments, nodes or files) fails every case", () => {
      const plan: DeploymentPlan = {
        summary: "", sizing: { memory_gb_required: 0, breakdown: {}, formula: "", assumptions: [] }, compute: [], models: [], packages: [],
        local_cluster: { connected: false, message: "" }, estimated_monthly_cost_usd: null, fits_budget: null, steps: [], warnings: [],
        deployments: [], nodes: [], artifacts: [], estimated_stack_monthly_cost_usd: null,
      };
      const empty: ChatResponse = {
        conversation_id: "00000000-0000-4000-8000-000000000000", message_id: "00000000-0000-4000-8000-000000000001",
        type: "plan", content: "", spec: {}, clarification: null, plan,
      };
      const passing = CASES.filter((c) => judgeCase(c, empty).length === 0).map((c) => c.text);
      expect(passing).toEqual([]);
      const none = judgeRatePairs(CASES, CASES.map(() => empty));
      expect(none.size).toBe(new Set(CASES.flatMap((c) => (c.expect.rate ? [c.expect.rate.pair] : []))).size);
    });

    it("judges can be satisfied: hand-built answers that do what a case asks pass it", () => {
      const find = (start: string) => {
        const i = CASES.findIndex((c) => c.text.startsWith(start));
        if (i < 0) throw new Error(`no case "${start}"`);
        return i;
      };
      const gpu = node("gpu", instance(1, 0.8), 1, ["llm", "embeddings"]);
      const cpu = node("cpu", instance(0, 0.2), 2, ["vector_db"]);
      const good: [number, ChatResponse][] = [
        [find("we want a RAG chatbot"), answer([
          deployment("llm", { model_id: "meta-llama/Llama-3.1-8B-Instruct", engine: "vllm", gpus_per_replica: 1, node: "gpu" }),
          deployment("embeddings", { model_id: "BAAI/bge-large-en-v1.5", engine: "tei", node: "gpu" }),
          deployment("vector_db", { engine: "qdrant", tool: "qdrant", node: "cpu" }),
        ], [gpu, cpu], { budget_monthly_usd: 2000 }, { fits_budget: true })],
        [find("install mlflow"), answer([deployment("tracking", { engine: "mlflow", tool: "mlflow" })], [node("cpu", instance(0, 0.2), 1, ["tracking"])])],
        [find("JupyterHub for 10 data"), answer(
          [deployment("notebooks", { engine: "jupyterhub", tool: "jupyterhub", users: 10, profiles: [profile(1)], node: "gpu" })],
          [node("gpu", instance(4, 4), 3, ["notebooks"])], {},
          { artifacts: [artifact("notebooks", JUPYTERHUB_VALUES)] },
        )],
        [find("serve all-MiniLM-L6-v2 embeddings on CPU only, about 10 "), answer(
          [deployment("embeddings", { model_id: "sentence-transformers/all-MiniLM-L6-v2", engine: "tei" })], [node("cpu", instance(0, 0.2), 1, ["embeddings"])], { cpu_only: true })],
        [find("serve all-MiniLM-L6-v2 embeddings on CPU only, about 200 "), answer(
          [deployment("embeddings", { model_id: "sentence-transformers/all-MiniLM-L6-v2", engine: "tei", replicas: 5 })], [node("cpu", instance(0, 0.2), 3, ["embeddings"])], { cpu_only: true })],
        [find("Whisper large-v3 transcription API"), answer(
          [deployment("speech", { model_id: "openai/whisper-large-v3", engine: "pytorch", gpus_per_replica: 1 })], [gpu], {},
          { sizing: { memory_gb_required: 10.5, breakdown: { total: 10.5 }, formula: "10.5 GB", assumptions: [] } })],
      ];
      for (const [i, r] of good) expect(judgeCase(CASES[i], r), CASES[i].text).toEqual([]);
      const answers = CASES.map((_, i) => good.find(([j]) => j === i)?.[1] ?? null);
      expect([...judgeRatePairs(CASES, answers).entries()].filter(([i]) => answers[i])).toEqual([]);
    });

    it("passes at least 90% of the requests overall", () => {
      expect(results.length).toBe(CASES.length);
      expect(rates(results).overall).toBeGreaterThanOrEqual(90);
    });

    it.each([...KINDS])("passes at least 80% of the %s requests", (kind) => {
      const row = rates(results).rows.find((r) => r.kind === kind)!;
      expect(row.total).toBeGreaterThan(0);
      const failed = results.filter((r) => r.c.kind === kind && r.failures.length).map((r) => `${r.c.text}: ${r.failures.join("; ")}`);
      expect(row.rate, failed.join("\n")).toBeGreaterThanOrEqual(80);
    });

    it("answers every bad input with a question or a plan that invents nothing, never a crash", () => {
      const failed = results.filter((r) => r.c.kind === "bad_input" && r.failures.length);
      expect(results.some((r) => r.c.kind === "bad_input")).toBe(true);
      expect(failed.map((r) => `${r.c.text}: ${r.failures.join("; ")}`)).toEqual([]);
    });
  });
}
