import { describe, expect, it } from "vitest";
import { findRow, parseFixture } from "./__fixtures__/fixtures";
import { awsFamily, awsReplaced, gcpReplaced } from "./v8-gpu-overlay";

const V8 = "2025-2026 (v8 snapshot)";
const AWS_V8 = "skypilot-catalog v8-gpu/aws/vms.csv";
const GCP_V8 = "skypilot-catalog v8-gpu/gcp/vms.csv";

describe("combine rule (v8-gpu/SOURCE.md)", () => {
  it("reads the AWS family before the first dot", () => {
    expect(["p5.48xlarge", "p6-b200.48xlarge", "g6e.xlarge", "mac1.metal"].map(awsFamily)).toEqual(["p5", "p6-b200", "g6e", "mac1"]);
  });

  it("AWS: replaces the listed families, families found in the overlay, and the retired p2/g3/g3s", () => {
    const replaced = awsReplaced([{ InstanceType: "p7.48xlarge" }]);
    const t = (InstanceType: string) => replaced({ InstanceType });
    expect(["p4d.24xlarge", "g4dn.xlarge", "p2.xlarge", "g3s.xlarge", "p7.48xlarge"].map(t)).toEqual([true, true, true, true, true]);
    expect(["m5.large", "inf2.xlarge", "trn1.2xlarge", "dl1.24xlarge", "c5.xlarge"].map(t)).toEqual([false, false, false, false, false]);
  });

  it("GCP: replaces a2/a3/a4/g2 hosts and non-TPU GPU rows; keeps n1, CPU types and TPUs", () => {
    const r = gcpReplaced();
    expect(r({ InstanceType: "a3-highgpu-8g" })).toBe(true);
    expect(r({ InstanceType: "g2-standard-4" })).toBe(true);
    expect(r({ InstanceType: "", AcceleratorName: "K80" })).toBe(true);
    expect(r({ InstanceType: "", AcceleratorName: "tpu-v4-8" })).toBe(false);
    expect(r({ InstanceType: "n1-standard-8" })).toBe(false);
    expect(r({ InstanceType: "e2-standard-2" })).toBe(false);
  });
});

describe("AWS latest view: v5 file + v8-gpu overlay (fixture rows cut from both)", () => {
  const rows = parseFixture("aws");

  it("takes the v8 price of a replaced family, with its own zones and source", () => {
    expect(rows.filter((r) => r.instanceType === "p4d.24xlarge")).toHaveLength(1);
    expect(findRow(rows, "p4d.24xlarge", "us-east-1")).toMatchObject({
      pricePerHourUsd: 21.957642, // v5: 32.7726
      spotPricePerHourUsd: 2.4655,
      zones: ["use1-az1", "use1-az2", "use1-az4", "use1-az6"],
      gpuModel: "A100",
      gpuMemoryGbTotal: 320,
      dataAsOf: V8,
      source: AWS_V8,
    });
    expect(findRow(rows, "p5.48xlarge", "us-east-1")).toMatchObject({ pricePerHourUsd: 55.04, spotPricePerHourUsd: 25.7522, gpuModel: "H100", gpuCount: 8 });
    expect(findRow(rows, "g6e.xlarge", "us-east-1")).toMatchObject({ pricePerHourUsd: 1.861, gpuModel: "L40S", gpuMemoryGbTotal: 48, dataAsOf: V8 });
  });

  it("drops retired families and replaced families the overlay does not list in that region", () => {
    for (const t of ["p2.xlarge", "g3.4xlarge", "g4dn.xlarge"]) expect(rows.some((r) => r.instanceType === t), t).toBe(false);
  });

  it("keeps CPU-only and not-yet-copied families from v5, with the v5 date", () => {
    expect(findRow(rows, "m5.large", "us-east-1")).toMatchObject({ pricePerHourUsd: 0.096, dataAsOf: "2024-06-13", source: "skypilot-catalog v5/aws/vms.csv" });
    expect(findRow(rows, "inf2.xlarge")).toMatchObject({ acceleratorKind: "other", dataAsOf: "2024-06-13" });
  });

  it("reads the Arch column file without shifting columns (g5g is arm64)", () => {
    expect(findRow(rows, "g5g.xlarge", "us-east-1")).toMatchObject({ gpuModel: "T4g", vcpus: 4, memoryGb: 8, pricePerHourUsd: 0.42, zones: ["use1-az2"] });
  });

  it("stores fractional GPUs as slices: the fraction as count, the slice's memory as per-GPU and total", () => {
    expect(findRow(rows, "g6f.large", "us-east-1")).toMatchObject({
      gpuModel: "L4", gpuCount: 0.125, gpuMemoryGbPerGpu: 3, gpuMemoryGbTotal: 3, pricePerHourUsd: 0.202, acceleratorKind: "gpu",
    });
    expect(findRow(rows, "gr6f.4xlarge")).toMatchObject({ gpuCount: 0.5, gpuMemoryGbPerGpu: 12, gpuMemoryGbTotal: 12 });
    // Empty SpotPrice in ap-northeast-2: on-demand only.
    expect(findRow(rows, "g6f.2xlarge", "ap-northeast-2")).toMatchObject({ gpuCount: 0.25, gpuMemoryGbTotal: 6, pricePerHourUsd: 0.58406, spotPricePerHourUsd: null });
  });

  it("reads g7e's new name `RTX PRO Server 6000` as the 96 GB RTX PRO 6000", () => {
    expect(findRow(rows, "g7e.2xlarge")).toMatchObject({ gpuModel: "RTXPRO6000", gpuModelRaw: "RTX PRO Server 6000", gpuMemoryGbTotal: 96, pricePerHourUsd: 3.36312 });
  });

  it("keeps a row without on-demand price as spot-only (p5e), drops it where it has no price at all", () => {
    expect(findRow(rows, "p5e.48xlarge", "ap-southeast-3")).toMatchObject({ pricePerHourUsd: null, spotPricePerHourUsd: 19.4254, gpuModel: "H200" });
    expect(rows.some((r) => r.instanceType === "p5e.48xlarge" && r.region === "ap-southeast-2")).toBe(false);
  });

  it("keeps (provider, type, region) unique", () => {
    const keys = rows.map((r) => `${r.instanceType}|${r.region}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("GCP latest view: v5 file + v8-gpu overlay", () => {
  const rows = parseFixture("gcp");

  it("prices built-in-GPU hosts from v8 host + GPU rows (a3-highgpu-8g: 9.46006 + 33.60609)", () => {
    expect(findRow(rows, "a3-highgpu-8g", "us-central1")).toMatchObject({
      gpuModel: "H100", gpuCount: 8, pricePerHourUsd: 43.06615, spotPricePerHourUsd: 26.83013, dataAsOf: V8, source: GCP_V8,
    });
    expect(findRow(rows, "g2-standard-4", "us-central1")).toMatchObject({ gpuModel: "L4", pricePerHourUsd: 0.70683 });
  });

  it("pairs the new a3 mega/ultra hosts with their H100-MEGA / H200 rows", () => {
    expect(findRow(rows, "a3-megagpu-8g")).toMatchObject({ gpuModel: "H100", gpuModelRaw: "H100-MEGA", pricePerHourUsd: 47.5401 });
    expect(findRow(rows, "a3-ultragpu-8g")).toMatchObject({ gpuModel: "H200", gpuMemoryGbTotal: 1128, pricePerHourUsd: 49.35922 });
  });

  it("never offers the zero-priced a4 host (Price 0.0): no host price, no total", () => {
    expect(rows.some((r) => r.instanceType.startsWith("a4-"))).toBe(false);
  });

  it("drops the replaced v5 rows; an n1 host (v5) + T4 (v8) records both sources and the older date", () => {
    expect(rows.some((r) => r.instanceType === "a2-highgpu-1g" || r.instanceType === "g2-standard-24")).toBe(false);
    expect(findRow(rows, "n1-standard-8+T4:1")).toMatchObject({
      pricePerHourUsd: 0.85751, // 0.48751 (v5 host) + 0.37 (v8 T4)
      dataAsOf: "2024-06-13",
      source: "skypilot-catalog v5/gcp/vms.csv + skypilot-catalog v8-gpu/gcp/vms.csv",
    });
    expect(rows.some((r) => r.instanceType === "n1-standard-8+T4:2")).toBe(false); // v5 T4x2 row replaced, none in the v8 cut
    expect(findRow(rows, "tpu-v2-8")).toMatchObject({ acceleratorKind: "tpu", dataAsOf: "2024-06-13" });
    expect(findRow(rows, "e2-standard-2").dataAsOf).toBe("2024-06-13");
  });
});

describe("unknown accelerator names", () => {
  it("are kept with the raw name, no memory, and kind 'unknown' (no GPU search offers them)", async () => {
    const { acceleratorFields } = await import("./accelerator");
    expect(acceleratorFields("aws", "Quantum Accelerator 9000", 2, null)).toEqual({
      gpuModel: "Quantum Accelerator 9000", gpuModelRaw: "Quantum Accelerator 9000", gpuCount: 2,
      gpuMemoryGbPerGpu: null, gpuMemoryGbTotal: 0, acceleratorKind: "unknown",
    });
  });
});
