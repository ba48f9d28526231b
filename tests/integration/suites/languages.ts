import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import type { ChatResponse } from "@/lib/schemas/chat";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import { converse } from "../api-client";
import { useOfflineRoutes } from "./chat-helpers";
import { answer, instance, node } from "./workload-kinds-fixtures";
import { CASES, LANGS, checkCount, judgeLanguageCase, type Lang, type LanguageCase } from "./languages-cases";

interface CaseResult {
  c: LanguageCase;
  answers: ChatResponse[];
  failures: string[];
  ms: number;
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);

function rates(results: CaseResult[]) {
  const rows = LANGS.map((lang) => {
    const rs = results.filter((r) => r.c.lang === lang);
    const passed = rs.filter((r) => !r.failures.length).length;
    return { lang, passed, total: rs.length, rate: pct(passed, rs.length) };
  });
  const passed = results.filter((r) => !r.failures.length).length;
  return { rows, passed, overall: pct(passed, results.length) };
}

function markdown(backend: string, results: CaseResult[]): string {
  const { rows, passed, overall } = rates(results);
  const lines = [
    `# Languages, typos and negations — ${backend}`,
    "",
    `Run ${new Date().toISOString()}, offline engine, real catalog snapshot. ${results.length} requests; each judged on the final answer's spec (budget, task, model, fine-tune method, GPUs, providers, exclusions, spot).`,
    "",
    "| language | passed | total | pass rate |",
    "|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.lang} | ${r.passed} | ${r.total} | ${r.rate.toFixed(0)}% |`),
    `| **overall** | **${passed}** | **${results.length}** | **${overall.toFixed(0)}%** |`,
    "",
    "Threshold: overall ≥ 90%. A clarification counts only where the request lacks something (then the answer after one reply is judged).",
    "",
    "## Failures",
    "",
  ];
  for (const lang of LANGS) {
    const failed = results.filter((r) => r.c.lang === lang && r.failures.length);
    if (!failed.length) continue;
    lines.push(`### ${lang}`, "");
    for (const r of failed) {
      const turns = [r.c.text, ...(r.answers.length > 1 && r.c.lacks ? [r.c.lacks.reply] : [])].map((t) => `“${t}”`).join(" → ");
      lines.push(`- ${turns} (${r.answers.map((a) => a.type).join(" → ") || "no answer"}, ${r.ms} ms)`);
      for (const f of r.failures) lines.push(`  - ${f}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** Model names as the vocabulary writes them; each case's model patterns must pick out exactly one. */
const CANONICAL = [
  "Llama 3.1 8B", "Llama 3.1 70B", "Mistral 7B", "Mixtral 8x7B", "Qwen2.5 7B", "Qwen2.5 14B", "Qwen2.5 72B",
  "Gemma 2 9B", "Gemma 2 27B", "Phi-3 mini", "Whisper large-v3", "Llama 3.1 405B", "Mistral Small 24B", "Qwen2.5 32B",
];
const canonicalModels = (c: LanguageCase) => CANONICAL.filter((n) => c.expect.model?.every((re) => re.test(n)));

/** A hand-built plan whose spec says exactly what a case expects (to show the judge can be satisfied). */
function idealAnswer(c: LanguageCase): ChatResponse {
  const u = c.expect;
  const spec: WorkloadSpec = {};
  if (u.budget !== undefined) spec.budget_monthly_usd = u.budget;
  if (u.task) spec.task = u.task;
  if (u.method) spec.fine_tune_method = u.method;
  if (u.spot !== undefined) spec.spot_ok = u.spot;
  if (u.providers) spec.providers = [...u.providers];
  if (u.model) spec.model = { name: canonicalModels(c)[0] };
  if (u.gpu) spec.gpu = { count: u.gpu.count, memory_gb_per_gpu: u.gpu.memory, model: u.gpu.model ? ["H100", "A100", "RTX4090", "L4"].find((g) => u.gpu!.model!.test(g)) : undefined };
  if (u.tools) spec.tools = [...u.tools];
  const inst = { ...instance(1, 1), provider: u.providers?.[0] ?? ["aws", "gcp", "azure", "lambda"].find((p) => !u.excluded?.includes(p))! };
  return answer([], [node("gpu", inst, 1, [])], spec);
}

/**
 * Issue 12, "Understanding people's words": requests in Spanish, German and French and English
 * with typos and negations, each judged on what it states (budget, task, model, method, GPUs,
 * providers and exclusions, spot); writes reports/languages-<backend>.md and holds the engine to
 * ≥ 90% overall.
 */
export function languagesSuite(h: () => DbHandle, backend: string) {
  describe("languages, typos and negations (offline engine, real catalog)", () => {
    useOfflineRoutes(h);
    let results: CaseResult[] = [];

    beforeAll(async () => {
      results = [];
      for (const c of CASES) {
        const t0 = Date.now();
        let answers: ChatResponse[] = [];
        let failures: string[];
        try {
          answers = (await converse(c.text, c.lacks ? [c.lacks.reply] : [])).responses;
          failures = judgeLanguageCase(c, answers);
        } catch (e) {
          failures = [`crashed: ${(e as Error).message}`];
        }
        results.push({ c, answers, failures, ms: Date.now() - t0 });
      }
      const file = path.resolve("reports", `languages-${backend}.md`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, markdown(backend, results));
      const { rows, overall } = rates(results);
      console.log(
        [`languages [${backend}] → ${file}`, ...rows.map((r) => `  ${r.lang.padEnd(9)} ${String(r.passed).padStart(2)}/${r.total}  ${r.rate.toFixed(0)}%`), `  overall   ${overall.toFixed(0)}%`].join("\n"),
      );
    }, 900_000);

    it("has at least 10 requests per language, 40 in all, each checking at least two things", () => {
      for (const l of LANGS) expect(CASES.filter((c) => c.lang === l).length, l).toBeGreaterThanOrEqual(10);
      expect(CASES.length).toBeGreaterThanOrEqual(40);
      expect(CASES.filter((c) => checkCount(c.expect) < 2).map((c) => c.text)).toEqual([]);
    });

    it("the judge cannot pass vacuously: an empty plan, or a clarification, fails every case", () => {
      const empty = answer([], [], {});
      empty.plan!.compute = [];
      expect(CASES.filter((c) => judgeLanguageCase(c, [empty]).length === 0).map((c) => c.text)).toEqual([]);
      const question: ChatResponse = {
        ...empty, type: "clarification", plan: null, spec: idealAnswer(CASES[0]).spec,
        clarification: { questions: [{ id: "q", question: "Which model?", options: ["a"] }] },
      };
      expect(CASES.filter((c) => judgeLanguageCase(c, [question, question]).length === 0).map((c) => c.text)).toEqual([]);
      expect(judgeLanguageCase(CASES[0], [])).toEqual(["no answer"]);
    });

    it("each case's model patterns pick out exactly one canonical model name", () => {
      const bad = CASES.filter((c) => c.expect.model && canonicalModels(c).length !== 1).map((c) => `${c.text}: ${canonicalModels(c).join(", ")}`);
      expect(bad).toEqual([]);
    });

    it("the judge can be satisfied, and catches a leaked excluded provider and an unasked question", () => {
      const lang = (l: Lang) => CASES.filter((c) => c.lang === l);
      expect(LANGS.flatMap((l) => lang(l)).filter((c) => judgeLanguageCase(c, [idealAnswer(c)]).length).map((c) => `${c.text}: ${judgeLanguageCase(c, [idealAnswer(c)]).join("; ")}`)).toEqual([]);
      const excl = CASES.find((c) => c.expect.excluded?.length)!;
      const leaked = idealAnswer(excl);
      leaked.plan!.compute = [{ ...leaked.plan!.compute[0], provider: excl.expect.excluded![0] }];
      expect(judgeLanguageCase(excl, [leaked]).join(" ")).toMatch(/offered in plan\.compute/);
      const complete = CASES.find((c) => !c.lacks)!;
      const q: ChatResponse = { ...idealAnswer(complete), type: "clarification" };
      expect(judgeLanguageCase(complete, [q, idealAnswer(complete)]).join(" ")).toMatch(/asked although nothing is missing/);
    });

    it("understands at least 90% of the requests overall", () => {
      expect(results.length).toBe(CASES.length);
      const failed = results.filter((r) => r.failures.length).map((r) => `[${r.c.lang}] ${r.c.text}: ${r.failures.join("; ")}`);
      expect(rates(results).overall, failed.join("\n")).toBeGreaterThanOrEqual(90);
    });
  });
}
