import { describe, expect, it } from "vitest";
import { ungroundedNumbers } from "./grounding";

describe("ungroundedNumbers", () => {
  const facts = JSON.stringify({ memory_gb_required: 152.4, price: 1.28, monthly: 934.4, gpus: 8, budget: 3000 });

  it("accepts numbers present in the facts, exactly, rounded, or with separators", () => {
    expect(ungroundedNumbers("Needs 152.4 GB; $1.28/h ≈ $934/month, under $3,000.", facts)).toEqual([]);
  });

  it("flags invented numbers", () => {
    expect(ungroundedNumbers("Needs 160 GB at $2.50/h", facts)).toEqual(["160", "2.5"]);
  });

  it("ignores small counts", () => {
    expect(ungroundedNumbers("Use 2 nodes and 4 replicas", facts)).toEqual([]);
  });
});
