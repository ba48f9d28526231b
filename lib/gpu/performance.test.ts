import { describe, expect, it } from "vitest";
import { formFactorOf, formFactorsOf, GPU_PERF_ROWS, gpuPerf, peakTflops } from "./performance";
import { GPU_SPECS } from "./specs";

/** The catalog's GPU models (by frequency, from the issue). */
const CATALOG_GPUS = [
  "L4", "H100", "A100-80GB", "V100", "T4", "A100", "A10", "RTXA6000", "L40S", "A10G", "P100", "H200", "A40", "B200",
  "RTXA5000", "L40", "V100-32GB", "RTX6000-Ada", "RTXA4000", "RTX4090", "M60", "T4g", "RTX3090", "K80", "RTX4000-Ada",
  "RTXPRO6000", "RTX5090", "RTXA4500", "A16", "P4", "RTX6000", "GH200", "A800", "B300", "P40", "RTX3070", "A30", "RTX3060",
];

const NUMERIC = ["dense_bf16_tflops", "dense_fp8_tflops", "dense_int8_tops", "fp32_tflops", "memory_bandwidth_tbs", "interconnect_gbs"] as const;

describe("GPU performance table", () => {
  it("has a row for every GPU in GPU_SPECS and only for GPUs in GPU_SPECS", () => {
    const gpus = Object.values(GPU_SPECS).filter((s) => s.kind === "gpu").map((s) => s.canonical);
    for (const g of gpus) expect(formFactorsOf(g).length, g).toBeGreaterThan(0);
    for (const r of GPU_PERF_ROWS) expect(GPU_SPECS[r.gpu]?.kind, r.gpu).toBe("gpu");
  });

  it("gives every catalog GPU a memory bandwidth (decode speed needs it)", () => {
    for (const g of CATALOG_GPUS) expect(gpuPerf(g)?.memory_bandwidth_tbs, g).toBeGreaterThan(0);
  });

  it("keys each row once by (gpu, form factor) and cites an https source", () => {
    const keys = GPU_PERF_ROWS.map((r) => `${r.gpu}/${r.form_factor}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of GPU_PERF_ROWS) expect(r.source, r.gpu).toMatch(/^https:\/\/\S+$/);
  });

  it("holds only positive finite numbers or null (never 0, NaN or Infinity)", () => {
    for (const r of GPU_PERF_ROWS) {
      for (const k of NUMERIC) {
        const v = r[k];
        if (v !== null) expect(Number.isFinite(v) && v > 0, `${r.gpu}.${k}`).toBe(true);
      }
    }
  });

  it("never rates a narrower precision below 16-bit on the same card (dense figures are consistent)", () => {
    for (const r of GPU_PERF_ROWS) {
      if (r.dense_bf16_tflops === null) continue;
      if (r.dense_fp8_tflops !== null) expect(r.dense_fp8_tflops, r.gpu).toBeGreaterThanOrEqual(r.dense_bf16_tflops);
      if (r.dense_int8_tops !== null) expect(r.dense_int8_tops, r.gpu).toBeGreaterThanOrEqual(r.dense_bf16_tflops);
    }
  });

  it("rates an SXM module at least as fast as the PCIe card of the same GPU, with faster links", () => {
    const both = [...new Set(GPU_PERF_ROWS.map((r) => r.gpu))].filter((g) => formFactorsOf(g).length === 2);
    expect(both).toEqual(expect.arrayContaining(["H100", "A100", "A100-80GB"]));
    for (const g of both) {
      const sxm = gpuPerf(g, "SXM")!;
      const pcie = gpuPerf(g, "PCIe")!;
      expect(sxm.dense_bf16_tflops!, g).toBeGreaterThanOrEqual(pcie.dense_bf16_tflops!);
      expect(sxm.memory_bandwidth_tbs!, g).toBeGreaterThanOrEqual(pcie.memory_bandwidth_tbs!);
      expect(sxm.interconnect_gbs!, g).toBeGreaterThan(pcie.interconnect_gbs!);
    }
  });

  it("tells H100 SXM from H100 PCIe (datasheet: 989 vs 756 TFLOPS bf16 dense, 3.35 vs 2.0 TB/s)", () => {
    const sxm = gpuPerf("H100", "SXM")!;
    const pcie = gpuPerf("H100", "PCIe")!;
    expect(Math.round(sxm.dense_bf16_tflops!)).toBe(990);
    expect(Math.round(pcie.dense_bf16_tflops!)).toBe(757);
    expect([sxm.memory_bandwidth_tbs, pcie.memory_bandwidth_tbs]).toEqual([3.35, 2.0]);
  });
});

describe("gpuPerf", () => {
  it("accepts provider spellings and falls back to the PCIe row without a form factor", () => {
    expect(gpuPerf("A100-80GB-SXM", "SXM")?.gpu).toBe("A100-80GB");
    expect(gpuPerf("H100")?.form_factor).toBe("PCIe");
    expect(gpuPerf("L4", "SXM")?.form_factor).toBe("PCIe"); // only form of the L4
    expect(gpuPerf("not-a-gpu")).toBeNull();
  });
});

describe("formFactorOf", () => {
  const cases: [string, string, string, "SXM" | "PCIe", boolean][] = [
    ["p4d.24xlarge", "aws", "A100", "SXM", false],
    ["p4de.24xlarge", "aws", "A100-80GB", "SXM", false],
    ["p5.48xlarge", "aws", "H100", "SXM", false],
    ["p5e.48xlarge", "aws", "H200", "SXM", false],
    ["a2-highgpu-1g", "gcp", "A100", "SXM", false],
    ["a3-highgpu-8g", "gcp", "H100", "SXM", false],
    ["Standard_ND96asr_v4", "azure", "A100", "SXM", false],
    ["Standard_ND96isr_H100_v5", "azure", "H100", "SXM", false],
    ["Standard_NC24ads_A100_v4", "azure", "A100-80GB", "PCIe", false],
    ["Standard_NC40ads_H100_v5", "azure", "H100", "PCIe", false],
    ["1x_H100-SXM_SECURE", "runpod", "H100-SXM", "SXM", false],
    ["gpu_8x_a100_80gb_sxm4", "lambda", "A100-80GB", "SXM", false],
    ["n3-H100x8-NVLink", "hyperstack", "H100-80G-PCIe-NVLink", "PCIe", false],
    ["intel-ice-lake-a100-pci_1x12v24gb", "cudo", "A100", "PCIe", false],
    ["gpu-h100-sxm_8gpu-128vcpu-1600gb", "nebius", "H100", "SXM", false],
    ["g6.xlarge", "aws", "L4", "PCIe", false],
    ["gpu_1x_a100", "lambda", "A100", "PCIe", true],
    ["8x_H100_192V_1600G", "jarvislabs", "H100", "PCIe", true],
  ];
  it.each(cases)("%s (%s, %s) → %s, assumed %s", (type, provider, gpu, form, assumed) => {
    const got = formFactorOf(type, provider, gpu);
    expect(got.form_factor).toBe(form);
    expect(got.assumed).toBe(assumed);
    expect(got.reason.length).toBeGreaterThan(0);
  });
});

describe("peakTflops", () => {
  it("uses the FP8 path where the card has one and 16-bit math where it does not", () => {
    expect(peakTflops(gpuPerf("H100", "SXM")!, "fp8")!.tflops).toBe(gpuPerf("H100", "SXM")!.dense_fp8_tflops);
    const a100 = peakTflops(gpuPerf("A100-80GB", "SXM")!, "fp8")!;
    expect(a100.tflops).toBe(gpuPerf("A100-80GB", "SXM")!.dense_bf16_tflops);
    expect(a100.used).toMatch(/no fp8/);
  });
  it("falls back to the FP32 peak on cards without a fast 16-bit path, and to null without figures", () => {
    expect(peakTflops(gpuPerf("K80")!)!.used).toMatch(/FP32/);
    expect(peakTflops(gpuPerf("A10G")!)).toBeNull();
  });
});
