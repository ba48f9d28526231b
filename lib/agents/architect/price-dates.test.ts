import { describe, expect, it } from "vitest";
import { isStaleDate, priceDataDates, stalePriceWarning } from "./price-dates";

const row = (provider: string, instance_type: string, data_as_of?: string) => ({ provider, instance_type, data_as_of });

describe("price data dates of the rows a plan uses", () => {
  it("groups rows by provider and date, in the order shown", () => {
    expect(priceDataDates([row("aws", "m5.large", "2024-06-13"), row("aws", "p5.48xlarge", "2025-2026 (v8 snapshot)"), row("aws", "c5.xlarge", "2024-06-13"), row("x", "y")])).toEqual([
      { provider: "aws", dataAsOf: "2024-06-13", instanceTypes: ["m5.large", "c5.xlarge"] },
      { provider: "aws", dataAsOf: "2025-2026 (v8 snapshot)", instanceTypes: ["p5.48xlarge"] },
    ]);
  });

  it("calls ISO dates before 2025 stale, undated snapshot ranges not", () => {
    expect(isStaleDate("2024-06-13")).toBe(true);
    expect(isStaleDate("2023-12-08")).toBe(true);
    expect(isStaleDate("2025-03-01")).toBe(false);
    expect(isStaleDate("2025-2026 (v8 snapshot)")).toBe(false);
  });

  it("names at most three types per date", () => {
    const w = stalePriceWarning(["a", "b", "c", "d"].map((t) => row("azure", t, "2023-12-08")));
    expect(w).toContain("azure a, b, c, … (2023-12-08)");
    expect(stalePriceWarning([row("gcp", "a3-highgpu-8g", "2025-2026 (v8 snapshot)")])).toBeNull();
  });
});
