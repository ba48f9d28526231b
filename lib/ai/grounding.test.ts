import { describe, expect, it } from "vitest";
import { quantitiesIn, ungroundedQuantities, type GroundingFacts } from "./grounding";

const facts: GroundingFacts = {
  usd_hour: [1.28, 5.672],
  usd_month: [934.4, 4140.56, 3000],
  gb: [152.4, 192, 24, 18],
  count: [8],
  params_b: [70],
  number: [730, 8192],
};
const names = ["RTX3090_8x", "meta-llama/Llama-3.3-70B-Instruct", "Llama-3.3-70B-Instruct", "g5.12xlarge", "RTX3090", "A10G", "Llama 3.3 70B"];
const bad = (text: string) => ungroundedQuantities(text, facts, names);

describe("quantitiesIn", () => {
  it("reads each number's kind from its currency and unit", () => {
    const q = quantitiesIn("$1.28/h ≈ $934/month, $3,000 budget, 152.4 GB, 8x RTX3090, 70B, 4 GPUs, 90%, 730 hours, $3k per month, 1.28 USD per hour");
    expect(q.map((x) => [x.kind, x.value])).toEqual([
      ["usd_hour", 1.28], ["usd_month", 934], ["usd", 3000], ["gb", 152.4], ["count", 8], ["params_b", 70], ["count", 4],
      ["percent", 90], ["number", 730], ["usd_month", 3], ["usd_hour", 1.28],
    ]);
  });

  it("skips digits that are part of names (instance types, GPU and model names)", () => {
    expect(quantitiesIn("Use g5.12xlarge with A10G or p4de.24xlarge, or Qwen2.5-72B", names)).toEqual([]);
    expect(quantitiesIn("Run meta-llama/Llama-3.3-70B-Instruct on RTX3090_8x", names)).toEqual([]);
  });
});

describe("ungroundedQuantities (grounding by role)", () => {
  it("accepts facts of the right kind, exact or rounded to the precision written", () => {
    expect(bad("Needs 152.4 GB (about 152 GB); RTX3090_8x (8x RTX3090, 192 GB) at $1.28/h ≈ $934/month, under your $3,000 budget.")).toEqual([]);
    expect(bad("A 70B model over 730 hours a month, at $1.3/h, 8 GPUs with 24 GB each; up to $3k a month.")).toEqual([]);
  });

  it("flags invented figures, with their kind", () => {
    expect(bad("Needs 160 GB at $2.50/h")).toEqual(["160 GB", "$2.50/h"]);
  });

  it("no free pass for small integers next to a currency or a unit", () => {
    expect(bad("It costs $2/h.")).toEqual(["$2/h"]);
    expect(bad("Use 4 GPUs.")).toEqual(["4 (count)"]);
    expect(bad("It needs 6 GB.")).toEqual(["6 GB"]);
  });

  it("a real figure in the wrong role is rejected: 18 GB presented as $18/month, a price as memory", () => {
    expect(bad("It needs 18 GB.")).toEqual([]);
    expect(bad("It costs $18/month.")).toEqual(["$18/month"]);
    expect(bad("Budget $152.4 per month")).toEqual(["$152.4/month"]);
    expect(bad("It needs 1.28 GB")).toEqual(["1.28 GB"]);
    expect(bad("$934/h")).toEqual(["$934/h"]);
  });

  it("a bare version number from a name is a name ('Llama 3.3'); with a unit it is still checked", () => {
    expect(bad("Serve Llama 3.3 Instruct on RTX3090_8x")).toEqual([]);
    expect(bad("Serve Llama 4.1 on RTX3090_8x")).toEqual(["4.1"]);
    expect(bad("It costs $3.3/h")).toEqual(["$3.3/h"]);
  });

  it("bare small whole numbers in prose pass; larger bare numbers must be some fact", () => {
    expect(bad("In 2 steps: 1) install, 2) deploy.")).toEqual([]);
    expect(bad("Expect 12345 tokens per second")).toEqual(["12345"]);
    expect(bad("Context of 8,192 tokens")).toEqual([]);
  });
});
