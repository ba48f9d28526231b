import { describe, expect, it } from "vitest";
import { findRow, parseFixture } from "./__fixtures__/fixtures";

describe("GCP host + GPU pairing (real v5 rows alone, asia-northeast1)", () => {
  const rows = parseFixture("gcp", { withoutOverlay: true });

  it("prices a2-highgpu-1g as host + A100x1 in the same zone, zones collapsed", () => {
    expect(findRow(rows, "a2-highgpu-1g", "asia-northeast1")).toMatchObject({
      zones: ["asia-northeast1-a", "asia-northeast1-c"],
      gpuModel: "A100",
      gpuCount: 1,
      gpuMemoryGbTotal: 40,
      vcpus: 12,
      memoryGb: 85,
      pricePerHourUsd: 4.04959, // 0.94803 + 3.10156
      spotPricePerHourUsd: 1.61988, // 0.37928 + 1.2406
    });
  });

  it("prices a3-highgpu-8g with H100x8", () => {
    expect(findRow(rows, "a3-highgpu-8g")).toMatchObject({
      gpuModel: "H100",
      gpuCount: 8,
      gpuMemoryGbTotal: 640,
      pricePerHourUsd: 125.78859, // 12.14861 + 113.63998
      spotPricePerHourUsd: 88.71856,
    });
  });

  it("pairs g2 machine types with their built-in L4 count", () => {
    expect(findRow(rows, "g2-standard-4")).toMatchObject({ gpuModel: "L4", gpuCount: 1, pricePerHourUsd: 0.90771 });
    expect(findRow(rows, "g2-standard-24")).toMatchObject({ gpuModel: "L4", gpuCount: 2, gpuMemoryGbTotal: 48, pricePerHourUsd: 2.56947 });
  });

  it("attaches T4 rows to n1-standard-8, named host+GPU:count", () => {
    expect(findRow(rows, "n1-standard-8+T4:1")).toMatchObject({
      gpuModel: "T4",
      gpuCount: 1,
      vcpus: 8,
      memoryGb: 30,
      pricePerHourUsd: 0.85751, // 0.48751 + 0.37
      spotPricePerHourUsd: 0.18162,
    });
    expect(findRow(rows, "n1-standard-8+T4:2").pricePerHourUsd).toBe(1.22751);
    // The bare host stays available as a CPU-only instance.
    expect(findRow(rows, "n1-standard-8")).toMatchObject({ gpuCount: 0, pricePerHourUsd: 0.48751 });
  });

  it("drops a GPU row whose host is missing in the zone (A100x16 without a2-megagpu-16g)", () => {
    expect(rows.some((r) => r.gpuCount === 16)).toBe(false);
    expect(rows.some((r) => r.instanceType === "a2-megagpu-16g")).toBe(false);
  });

  it("never emits GPU-only rows with an empty instance type", () => {
    expect(rows.every((r) => r.instanceType !== "")).toBe(true);
    expect(rows.filter((r) => r.gpuModel === "A100")).toHaveLength(1);
  });

  it("keeps TPU rows as kind 'tpu' with their own price", () => {
    expect(findRow(rows, "tpu-v2-8", "asia-east1")).toMatchObject({
      gpuModel: "tpu-v2",
      gpuModelRaw: "tpu-v2-8",
      acceleratorKind: "tpu",
      gpuMemoryGbTotal: 0,
      pricePerHourUsd: 5.22,
      spotPricePerHourUsd: 1.566,
    });
  });

  it("keeps CPU-only hosts", () => {
    expect(findRow(rows, "e2-standard-2")).toMatchObject({ gpuModel: null, acceleratorKind: null, pricePerHourUsd: 0.08597 });
  });

  it("produces exactly the expected instance set", () => {
    expect(rows.map((r) => r.instanceType).sort()).toEqual([
      "a2-highgpu-1g", "a3-highgpu-8g", "e2-standard-2", "g2-standard-24", "g2-standard-4",
      "n1-standard-8", "n1-standard-8+T4:1", "n1-standard-8+T4:2", "tpu-v2-8",
    ]);
  });
});
