import { describe, expect, it } from "vitest";
import { findRow, fixtureFile, parseFixture } from "./__fixtures__/fixtures";
import { parseSkypilotCsv } from "./parse-skypilot";

describe("parseSkypilotCsv (fixtures cut from the real catalog)", () => {
  it("collapses AWS zones into one row per region: min spot, zones listed (v5 file alone)", () => {
    const rows = parseFixture("aws", { withoutOverlay: true });
    const p4d = findRow(rows, "p4d.24xlarge", "us-east-1");
    expect(rows.filter((r) => r.instanceType === "p4d.24xlarge")).toHaveLength(1);
    expect(p4d).toMatchObject({
      zones: ["use1-az1", "use1-az2"],
      pricePerHourUsd: 32.7726,
      spotPricePerHourUsd: 13.0719, // min of 14.6985 (az1) and 13.0719 (az2)
      gpuModel: "A100",
      gpuCount: 8,
      gpuMemoryGbPerGpu: 40,
      gpuMemoryGbTotal: 320,
      acceleratorKind: "gpu",
      vcpus: 96,
      memoryGb: 1152,
      dataAsOf: "2024-06-13",
      source: "skypilot-catalog v5/aws/vms.csv",
    });
  });

  it("drops rows with neither on-demand nor spot price (aws mac1.metal, azure 0.0/0.0)", () => {
    expect(parseFixture("aws").some((r) => r.instanceType === "mac1.metal")).toBe(false);
    expect(parseFixture("azure").some((r) => r.instanceType === "Standard_NC40ads_H100_v5")).toBe(false);
  });

  it("keeps CPU-only rows with no GPU fields", () => {
    expect(findRow(parseFixture("aws"), "m5.large", "us-east-1")).toMatchObject({
      gpuModel: null,
      gpuModelRaw: null,
      gpuCount: 0,
      gpuMemoryGbPerGpu: null,
      gpuMemoryGbTotal: 0,
      acceleratorKind: null,
      pricePerHourUsd: 0.096,
      spotPricePerHourUsd: 0.0438,
    });
  });

  it("marks Inferentia as kind 'other' without GPU memory", () => {
    expect(findRow(parseFixture("aws"), "inf2.xlarge")).toMatchObject({
      gpuModel: "Inferentia",
      gpuCount: 1,
      gpuMemoryGbPerGpu: null,
      gpuMemoryGbTotal: 0,
      acceleratorKind: "other",
    });
  });

  it("normalizes hyperstack names and its `'Manufacturer': null` GpuInfo", () => {
    const rows = parseFixture("hyperstack");
    expect(findRow(rows, "n3-RTX-A6000x1")).toMatchObject({ gpuModel: "RTXA6000", gpuModelRaw: "RTX-A6000", gpuMemoryGbTotal: 48 });
    expect(findRow(rows, "n3-A100x1")).toMatchObject({ gpuModel: "A100-80GB", gpuModelRaw: "A100-80G-PCIe", gpuMemoryGbPerGpu: 80 });
    // Same type in two regions with different RAM stays two rows.
    expect(findRow(rows, "n3-H100-SXM5x8", "CANADA-1")).toMatchObject({ gpuModel: "H100", gpuMemoryGbTotal: 640, memoryGb: 1800 });
    expect(findRow(rows, "n3-H100-SXM5x8", "US-1").memoryGb).toBe(960);
  });

  it("reads verda's instance-total suffix names as per-GPU models (A100-80GB-320GB)", () => {
    const rows = parseFixture("verda");
    expect(findRow(rows, "4A100.88V")).toMatchObject({
      gpuModel: "A100-80GB",
      gpuModelRaw: "A100-80GB-320GB",
      gpuCount: 4,
      gpuMemoryGbTotal: 320, // not the 1280 GB GpuInfo's inflated total implies
      pricePerHourUsd: 4.64,
      spotPricePerHourUsd: 2.32, // verda: spot in the same row
    });
    expect(findRow(rows, "8A100.40S.176V")).toMatchObject({ gpuModel: "A100", gpuMemoryGbTotal: 320 });
    expect(findRow(rows, "1V100.6V")).toMatchObject({ gpuModel: "V100", gpuModelRaw: "Tesla-V100" });
    expect(findRow(rows, "1RTX6000ADA.10V")).toMatchObject({ gpuModel: "RTX6000-Ada", gpuMemoryGbPerGpu: 48 });
  });

  it("normalizes seeweb L40s and resolves its 80 GB `A100` from GpuInfo", () => {
    const rows = parseFixture("seeweb");
    expect(findRow(rows, "ECS4GPU7")).toMatchObject({ gpuModel: "L40S", gpuModelRaw: "L40s", gpuCount: 8, gpuMemoryGbTotal: 384 });
    expect(findRow(rows, "ECS2GPU3")).toMatchObject({ gpuModel: "A100-80GB", gpuModelRaw: "A100", gpuMemoryGbTotal: 160 });
    expect(findRow(rows, "ECS1GPU")).toMatchObject({ gpuModel: "RTX6000", gpuMemoryGbPerGpu: 24 });
  });

  it("normalizes scaleway's `RTX 3070`", () => {
    expect(findRow(parseFixture("scaleway"), "GPU-3070-S")).toMatchObject({ gpuModel: "RTX3070", gpuModelRaw: "RTX 3070", zones: ["fr-par-2"] });
  });

  it("treats vast SpotPrice 0.00 as no spot and divides its GpuInfo totals by count", () => {
    const rows = parseFixture("vast");
    expect(rows.every((r) => r.spotPricePerHourUsd === null)).toBe(true);
    expect(findRow(rows, "1x-A100_PCIE-32-65536")).toMatchObject({ gpuModel: "A100-80GB", pricePerHourUsd: 0.87 });
    expect(findRow(rows, "2x-A100_SXM4-32-65536")).toMatchObject({ gpuModel: "A100", gpuMemoryGbTotal: 80 });
    expect(findRow(rows, "4x-H200-32-65536")).toMatchObject({ region: ", US, NA", gpuMemoryGbTotal: 564 });
  });

  it("merges primeintellect __SPOT rows into their on-demand twin", () => {
    const rows = parseFixture("primeintellect");
    expect(rows.some((r) => r.instanceType.endsWith("__SPOT"))).toBe(false);
    expect(findRow(rows, "datacrunch__8xH100_80GB__176__1480", "IS")).toMatchObject({
      pricePerHourUsd: 15.77,
      spotPricePerHourUsd: 6.84,
      zones: ["ICE-01"],
      gpuMemoryGbTotal: 640,
    });
    expect(findRow(rows, "datacrunch__8xH100_80GB__176__1480", "FI").spotPricePerHourUsd).toBeNull();
  });

  it("keeps a primeintellect __SPOT row without twin as spot-only", () => {
    expect(findRow(parseFixture("primeintellect"), "datacrunch__CPU_NODE__8__32", "FI")).toMatchObject({
      pricePerHourUsd: null,
      spotPricePerHourUsd: 0.02,
      gpuCount: 0,
      gpuModel: null,
    });
  });

  it("rounds float noise in prices", () => {
    expect(findRow(parseFixture("primeintellect"), "oblivus__4xA100_80GB__124__480").pricePerHourUsd).toBe(5.8855);
    expect(findRow(parseFixture("cudo"), "ice-lake-a40-compute_1x2v4gb", "ca-montreal-3").pricePerHourUsd).toBe(0.3698);
  });

  it("resolves cudo's 80 GB `A100` (string Count in GpuInfo)", () => {
    expect(findRow(parseFixture("cudo"), "intel-ice-lake-a100-pci_1x2v4gb")).toMatchObject({ gpuModel: "A100-80GB", gpuMemoryGbTotal: 80 });
  });

  it("drops mithril entirely (placeholder prices)", () => {
    const { text } = fixtureFile("mithril");
    expect(text.split("\n").length).toBeGreaterThan(2);
    expect(parseFixture("mithril")).toEqual([]);
  });

  it("ignores lambda's per-GPU TotalGpuMemoryInMiB and uses count x spec", () => {
    const rows = parseFixture("lambda");
    expect(findRow(rows, "gpu_8x_h100_sxm5", "us-east-1")).toMatchObject({ gpuMemoryGbPerGpu: 80, gpuMemoryGbTotal: 640, pricePerHourUsd: 23.92 });
    expect(rows.filter((r) => r.instanceType === "gpu_8x_h100_sxm5").map((r) => r.region)).toEqual(["us-east-1", "us-west-1"]);
    expect(findRow(rows, "gpu_1x_gh200").gpuMemoryGbPerGpu).toBe(96);
  });

  it("reads shadeform's GB-not-MiB GpuInfo: `A100` with 40 stays the 40 GB model", () => {
    const rows = parseFixture("shadeform");
    expect(findRow(rows, "denvr_A100-sxm4x8")).toMatchObject({ gpuModel: "A100", gpuMemoryGbTotal: 320 });
    expect(findRow(rows, "hyperstack_A4000x10")).toMatchObject({ gpuModel: "RTXA4000", gpuCount: 10, gpuMemoryGbTotal: 160 });
    expect(findRow(rows, "digitalocean_RTX4000Ada").gpuModel).toBe("RTX4000-Ada");
  });

  it("reads columns by header name (runpod: Price is the last column; azure: Generation, no zones)", () => {
    expect(findRow(parseFixture("runpod"), "1x_A40_SECURE")).toMatchObject({ pricePerHourUsd: 0.79, spotPricePerHourUsd: 0.49 });
    expect(findRow(parseFixture("azure"), "Standard_NC24ads_A100_v4", "eastus")).toMatchObject({
      gpuModel: "A100-80GB",
      zones: [],
      pricePerHourUsd: 3.673,
      spotPricePerHourUsd: 0.61082,
    });
  });

  it("parses CRLF files like LF files, with no stray carriage returns", () => {
    const { file, text } = fixtureFile("seeweb");
    expect(text).toContain("\r\n");
    const opts = { provider: file.provider, schemaVersion: file.schemaVersion, dataAsOf: file.dataAsOf, source: "x" };
    const crlf = parseSkypilotCsv(text, opts);
    expect(parseSkypilotCsv(text.replace(/\r\n/g, "\n"), opts)).toEqual(crlf);
    expect(JSON.stringify(crlf)).not.toContain("\\r");
    expect(crlf).toHaveLength(7);
  });
});
