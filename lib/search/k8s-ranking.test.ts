import { describe, expect, it } from "vitest";
import { bucket, chartScore, compareCharts, nameBonus, type ChartCandidate } from "./k8s-ranking";

const chart = (p: Partial<ChartCandidate & { score: number }>): ChartCandidate & { score: number } => ({
  id: "r/x", name: "x", repository: "r", aliases: [], official: false, stars: null, deprecated: false, published: true,
  nameRank: 0, textRank: 0, score: 0, ...p,
});

describe("chart ranking: bucketed score DESC → stars DESC → official first → name ASC", () => {
  it("buckets scores to one decimal so near-ties fall through to the tie-breakers", () => {
    expect(bucket(0.785)).toBe(0.7);
    expect(bucket(0.781)).toBe(0.7);
  });
  it("orders by score, then stars, then official, then name", () => {
    const charts = [
      chart({ name: "d", score: 1.0 }),
      chart({ name: "c", score: 1.2 }),
      chart({ name: "b", score: 1.0, stars: 10 }),
      chart({ name: "a", score: 1.0, official: true }),
      chart({ name: "aa", score: 1.0 }),
    ];
    expect([...charts].sort(compareCharts).map((c) => c.name)).toEqual(["c", "b", "a", "aa", "d"]);
  });
});

describe("name and alias matches", () => {
  it("exact name beats alias beats partial", () => {
    expect(nameBonus({ name: "mlflow", aliases: [] }, ["mlflow"], "mlflow")).toBe(1);
    expect(nameBonus({ name: "postgresql", aliases: ["postgres", "pg"] }, ["postgres"], "postgres")).toBe(0.8);
    expect(nameBonus({ name: "kube-prometheus-stack", aliases: [] }, ["prometheus"], "prometheus")).toBe(0.5);
    expect(nameBonus({ name: "redis", aliases: [] }, ["mlflow"], "mlflow")).toBe(0);
  });
  it("an unpublished example chart scores a little lower than the same match published", () => {
    const a = chartScore(chart({ name: "triton", nameRank: 0.6 }), ["triton"], "triton");
    const b = chartScore(chart({ name: "triton", nameRank: 0.6, published: false }), ["triton"], "triton");
    expect(a).toBeGreaterThan(b);
  });
});
