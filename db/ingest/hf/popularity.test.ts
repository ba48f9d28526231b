import { describe, expect, it } from "vitest";
import { readFixture } from "../test-fixtures";
import { parseModelLine } from "./parse-models";
import { buildPopularityContext, computePopularity, freshness, likesWeight, popularityScore } from "./popularity";

const rows = readFixture(new URL("./__fixtures__/models.jsonl", import.meta.url)).map(parseModelLine);
const ctx = buildPopularityContext(rows);
const row = (id: string) => {
  const r = rows.find((m) => m.id === id);
  if (!r) throw new Error(id);
  return r;
};
const score = (id: string) => popularityScore(row(id), ctx);

describe("popularity", () => {
  it("computes one score per row, all within [0,1]", () => {
    const pop = computePopularity(rows);
    expect(pop).toHaveLength(rows.length);
    for (const p of pop) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it("first pass records per-cohort maxima", () => {
    expect(ctx.downloadsLogMax.get("2026-08-22")).toBeCloseTo(Math.log1p(257_229_302), 6);
    expect(ctx.downloadsLogMax.get("2025-04")).toBeCloseTo(Math.log1p(87_020_084), 6);
    expect(ctx.likesLogMax).toBeCloseTo(Math.log1p(5241), 6);
  });

  it("more downloads in the same cohort and same likes → higher", () => {
    const base = row("BeIR/query-gen-msmarco-t5-base-v1");
    expect(base).toMatchObject({ downloads: 2473, downloadsAsOf: "2023-10-01", likes: 5 });
    // t5-large's real download count (4637) on t5-base's row
    expect(popularityScore({ ...base, downloads: 4637 }, ctx)).toBeGreaterThan(popularityScore(base, ctx));
    expect(popularityScore({ ...base, downloads: 1000 }, ctx)).toBeGreaterThan(popularityScore({ ...base, downloads: 999 }, ctx));
    // the real pair: large has more downloads but fewer likes (3 vs 5) → nearly tied
    expect(Math.abs(score("BeIR/query-gen-msmarco-t5-large-v1") - score("BeIR/query-gen-msmarco-t5-base-v1"))).toBeLessThan(0.01);
  });

  it("missing data → 0", () => {
    expect(popularityScore({ downloads: null, downloadsAsOf: null, likes: null, likesAsOf: null }, ctx)).toBe(0);
    expect(score("17luke/wav2vec2-large-xls-r-300m-icelandic-samromur")).toBe(0); // 0 downloads, no likes
  });

  it("a fresh snapshot beats an old one for the same model family (openai-community/gpt2 2026 vs gpt2 2023)", () => {
    expect(score("openai-community/gpt2")).toBeGreaterThan(score("gpt2"));
  });

  it("likes-only rows are scored on likes (Llama-3.3-70B-Instruct, 1908 likes as of 2025-03)", () => {
    const s = score("meta-llama/Llama-3.3-70B-Instruct");
    expect(s).toBeGreaterThan(0.6);
    expect(s).toBeLessThan(score("sentence-transformers/all-MiniLM-L6-v2"));
  });

  it("the top model of the newest snapshot is near 1", () => {
    expect(score("sentence-transformers/all-MiniLM-L6-v2")).toBeGreaterThan(0.95);
  });

  it("old cohorts lean on likes and are discounted", () => {
    expect(likesWeight("2022-02-21")).toBeGreaterThan(likesWeight("2023-10-01"));
    expect(likesWeight("2023-10-01")).toBeGreaterThan(likesWeight("2026-08-22"));
    expect(freshness("2022-02-21")).toBeLessThan(freshness("2025-04"));
    expect(freshness("2026-05-07")).toBe(1);
  });

  it("a small old cohort cannot saturate: KB/bert-base-swedish (max of 2022-02 in fixtures) < 0.75", () => {
    expect(score("KB/bert-base-swedish-cased-squad-experimental")).toBeLessThan(0.75);
  });
});
