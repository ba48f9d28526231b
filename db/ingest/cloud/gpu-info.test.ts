import { describe, expect, it } from "vitest";
import { parseGpuInfo, perGpuMiB, pythonLiteralToJson } from "./gpu-info";

// Verbatim GpuInfo cells from the fixtures (real upstream rows).
const AWS = "{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}";
const HYPERSTACK = "{'Gpus': [{'Name': 'A100-80G-PCIe', 'Manufacturer': null, 'Count': 1, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}";
const PRIME = '{"Gpus":[{"Name":"H100","Count":8,"MemoryInfo":{"SizeInMiB":655360}}],"TotalGpuMemoryInMiB":5242880}';
const SHADEFORM = "{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': 8.0, 'MemoryInfo': {'SizeInMiB': 40}, 'TotalGpuMemoryInMiB': 320}]}";
const CUDO = "{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', 'Count': '1.0', 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}";
const LAMBDA = "{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8.0, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}";
const GCP = "{'Gpus': [{'MemoryInfo': {'SizeInMiB': 40960}}]}";
const VAST_2X_A100 = "{'Gpus': [{'Name': 'A100', 'Count': 2, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}";

describe("parseGpuInfo", () => {
  it("parses the Python-dict literal", () => {
    expect(parseGpuInfo(AWS)).toEqual({ name: "A100", count: 8, sizeInMiB: 40960, totalInMiB: 327680 });
  });

  it("parses hyperstack's `'Manufacturer': null`", () => {
    expect(parseGpuInfo(HYPERSTACK)).toEqual({ name: "A100-80G-PCIe", count: 1, sizeInMiB: 81920, totalInMiB: 81920 });
  });

  it("parses JSON (primeintellect, verda)", () => {
    expect(parseGpuInfo(PRIME)).toEqual({ name: "H100", count: 8, sizeInMiB: 655360, totalInMiB: 5242880 });
  });

  it("reads TotalGpuMemoryInMiB from inside the GPU entry (shadeform, lium)", () => {
    expect(parseGpuInfo(SHADEFORM)).toEqual({ name: "A100", count: 8, sizeInMiB: 40, totalInMiB: 320 });
  });

  it("accepts a string Count (cudo)", () => {
    expect(parseGpuInfo(CUDO)?.count).toBe(1);
  });

  it("parses the memory-only GCP variant", () => {
    expect(parseGpuInfo(GCP)).toEqual({ name: null, count: null, sizeInMiB: 40960, totalInMiB: null });
  });

  it("treats a bare name as the name (azure, runpod v5)", () => {
    expect(parseGpuInfo("A100-80GB")).toEqual({ name: "A100-80GB", count: null, sizeInMiB: null, totalInMiB: null });
  });

  it("returns null for empty or malformed cells", () => {
    expect(parseGpuInfo("")).toBeNull();
    expect(parseGpuInfo(null)).toBeNull();
    expect(parseGpuInfo("{'Gpus': [")).toBeNull();
  });

  it("converts Python literals without touching string contents", () => {
    expect(JSON.parse(pythonLiteralToJson(`{'a': None, 'b': True, 'c': 'it\\'s "None"'}`))).toEqual({
      a: null,
      b: true,
      c: `it's "None"`,
    });
  });
});

describe("perGpuMiB", () => {
  it("uses SizeInMiB as per-GPU by default (aws, lambda whose total is per-GPU)", () => {
    expect(perGpuMiB(parseGpuInfo(AWS), "aws", 8)).toBe(40960);
    expect(perGpuMiB(parseGpuInfo(LAMBDA), "lambda", 8)).toBe(81920);
  });

  it("divides instance totals by count (primeintellect, verda, vast)", () => {
    expect(perGpuMiB(parseGpuInfo(PRIME), "primeintellect", 8)).toBe(81920);
    expect(perGpuMiB(parseGpuInfo(VAST_2X_A100), "vast", 2)).toBe(40960);
  });

  it("reads shadeform sizes as GB", () => {
    expect(perGpuMiB(parseGpuInfo(SHADEFORM), "shadeform", 8)).toBe(40960);
  });

  it("returns null without memory info", () => {
    expect(perGpuMiB(parseGpuInfo("H100"), "azure", 1)).toBeNull();
    expect(perGpuMiB(null, "aws", 1)).toBeNull();
  });
});
