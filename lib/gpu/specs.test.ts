import { describe, expect, it } from "vitest";
import { computeCapabilityOf, GPU_SPECS, gpuModelsWithMinCapability, normalizeGpuName, resolveUserGpu } from "./specs";

/** Every AcceleratorName in the latest view (SOURCE.md §5.C plus non-GPU accelerators), with its canonical name. */
const LATEST_VIEW_NAMES: Record<string, string> = {
  A10: "A10", A100: "A100", "A100-40GB": "A100", "A100-40GB-320GB": "A100",
  "A100-80G-PCIe": "A100-80GB", "A100-80G-PCIe-NVLink": "A100-80GB", "A100-80GB": "A100-80GB",
  "A100-80GB-160GB": "A100-80GB", "A100-80GB-320GB": "A100-80GB", "A100-80GB-640GB": "A100-80GB",
  "A100-80GB-SXM": "A100-80GB", A10G: "A10G", A16: "A16", A30: "A30", A40: "A40",
  A4000: "RTXA4000", A5000: "RTXA5000", A6000: "RTXA6000", A800: "A800", B200: "B200", B300: "B300",
  GH200: "GH200", H100: "H100", "H100-80G-PCIe": "H100", "H100-80G-PCIe-NVLink": "H100",
  "H100-80G-SXM5": "H100", "H100-NVLINK": "H100", "H100-SXM": "H100", H200: "H200", K80: "K80",
  L4: "L4", L40: "L40", L40S: "L40S", L40s: "L40S", M60: "M60", P100: "P100", P4: "P4", P40: "P40",
  "Radeon MI25": "Radeon MI25", "Radeon Pro V520": "Radeon Pro V520", "RTX 3070": "RTX3070",
  "RTX-6000-Ada": "RTX6000-Ada", "RTX-A4000": "RTXA4000", "RTX-A6000": "RTXA6000",
  "RTX-PRO-6000": "RTXPRO6000", RTX3060: "RTX3060", RTX3070: "RTX3070", RTX3090: "RTX3090",
  "RTX4000-Ada": "RTX4000-Ada", RTX4000Ada: "RTX4000-Ada", RTX4090: "RTX4090", RTX5090: "RTX5090",
  RTX6000: "RTX6000", "RTX6000-Ada": "RTX6000-Ada", RTX6000Ada: "RTX6000-Ada", RTXA4000: "RTXA4000",
  RTXA4500: "RTXA4500", RTXA5000: "RTXA5000", RTXA6000: "RTXA6000", RTXPRO6000: "RTXPRO6000",
  "RTXPRO6000-WK": "RTXPRO6000", "RTX PRO Server 6000": "RTXPRO6000", "H100-MEGA": "H100", RTXPRO6000WS: "RTXPRO6000", RTXPro6000: "RTXPRO6000", T4: "T4",
  T4g: "T4g", "Tesla-V100": "V100", V100: "V100", "V100-32GB": "V100-32GB",
  "Gaudi HL-205": "Gaudi HL-205", Inferentia: "Inferentia", "Qualcomm AI100": "Qualcomm AI100",
  Trainium: "Trainium", "Virtex UltraScale (VU9P)": "Virtex UltraScale (VU9P)",
  "tpu-v2-8": "tpu-v2", "tpu-v3-2048": "tpu-v3", "tpu-v4-3968": "tpu-v4",
};

describe("normalizeGpuName", () => {
  it("covers every accelerator name in the latest view", () => {
    for (const [raw, canonical] of Object.entries(LATEST_VIEW_NAMES)) {
      expect(normalizeGpuName(raw)?.canonical, raw).toBe(canonical);
    }
  });

  it("returns spec memory, vendor and kind", () => {
    expect(normalizeGpuName("H100-80G-SXM5")).toEqual({ canonical: "H100", memoryGb: 80, kind: "gpu", vendor: "NVIDIA" });
    expect(normalizeGpuName("RTX6000")).toMatchObject({ canonical: "RTX6000", memoryGb: 24 });
    expect(normalizeGpuName("RTX6000Ada")).toMatchObject({ canonical: "RTX6000-Ada", memoryGb: 48 });
    expect(normalizeGpuName("RTXPRO6000WS")).toMatchObject({ memoryGb: 96 });
    expect(normalizeGpuName("H200")?.memoryGb).toBe(141);
    expect(normalizeGpuName("B200")?.memoryGb).toBe(180);
    expect(normalizeGpuName("Radeon MI25")).toMatchObject({ vendor: "AMD", kind: "gpu", memoryGb: 16 });
  });

  it("classifies TPUs and non-GPU accelerators without GPU memory", () => {
    expect(normalizeGpuName("tpu-v4-8")).toEqual({ canonical: "tpu-v4", memoryGb: null, kind: "tpu", vendor: "Google" });
    expect(normalizeGpuName("Inferentia")).toMatchObject({ kind: "other", memoryGb: null, vendor: "AWS" });
    expect(normalizeGpuName("Trainium")?.kind).toBe("other");
    expect(normalizeGpuName("Gaudi HL-205")?.kind).toBe("other");
    expect(normalizeGpuName("Qualcomm AI100")?.kind).toBe("other");
    expect(normalizeGpuName("Virtex UltraScale (VU9P)")?.kind).toBe("other");
  });

  it("uses the per-GPU memory hint to tell A100 40 GB from 80 GB", () => {
    expect(normalizeGpuName("A100", { perGpuMiB: 81920 })?.canonical).toBe("A100-80GB");
    expect(normalizeGpuName("A100", { perGpuMiB: 40960 })?.canonical).toBe("A100");
    expect(normalizeGpuName("A100")?.canonical).toBe("A100");
    // An explicit memory token wins over the hint.
    expect(normalizeGpuName("A100-40GB", { perGpuMiB: 81920 })?.canonical).toBe("A100");
    // Models without memory variants ignore the hint.
    expect(normalizeGpuName("RTX4090", { perGpuMiB: 49140 })).toMatchObject({ canonical: "RTX4090", memoryGb: 24 });
  });

  it("strips brand prefixes and form factors", () => {
    expect(normalizeGpuName("NVIDIA GeForce RTX 3070")?.canonical).toBe("RTX3070");
    expect(normalizeGpuName("Tesla P100-PCIE-16GB")?.canonical).toBe("P100");
    expect(normalizeGpuName("NVIDIA-H100-80GB-HBM3")?.canonical).toBe("H100");
    expect(normalizeGpuName("A100-SXM4-80GB")?.canonical).toBe("A100-80GB");
  });

  it("returns null for unknown names", () => {
    expect(normalizeGpuName("Voodoo5")).toBeNull();
    expect(normalizeGpuName("")).toBeNull();
  });
});

describe("resolveUserGpu", () => {
  it.each([
    ["a100", ["A100", "A100-80GB"]],
    ["A100", ["A100", "A100-80GB"]],
    ["A100 80GB", ["A100-80GB"]],
    ["a100 80gb", ["A100-80GB"]],
    ["A100-80GB", ["A100-80GB"]],
    ["a100 40gb", ["A100"]],
    ["h100", ["H100"]],
    ["H100 SXM", ["H100"]],
    ["4090", ["RTX4090"]],
    ["rtx 4090", ["RTX4090"]],
    ["a6000", ["RTXA6000"]],
    ["RTX A6000", ["RTXA6000"]],
    ["l40s", ["L40S"]],
    ["l40", ["L40"]],
    ["v100", ["V100", "V100-32GB"]],
    ["rtx 6000 ada", ["RTX6000-Ada"]],
    ["mi300x", ["MI300X"]],
    ["tpu v4", ["tpu-v4"]],
  ])("%s -> %j", (input, expected) => {
    expect(resolveUserGpu(input)).toEqual(expected);
  });

  it("returns [] for unknown or empty input", () => {
    expect(resolveUserGpu("")).toEqual([]);
    expect(resolveUserGpu("banana")).toEqual([]);
  });
});

describe("GPU_SPECS", () => {
  it("is keyed by canonical name and every canonical name normalizes to itself", () => {
    for (const [key, spec] of Object.entries(GPU_SPECS)) {
      expect(spec.canonical).toBe(key);
      expect(normalizeGpuName(key)?.canonical, key).toBe(key);
    }
  });

  it("has memory for every GPU and none for TPUs / other accelerators", () => {
    for (const spec of Object.values(GPU_SPECS)) {
      if (spec.kind === "gpu") expect(spec.memoryGb, spec.canonical).toBeGreaterThan(0);
      else expect(spec.memoryGb, spec.canonical).toBeNull();
    }
  });
});

describe("compute capability", () => {
  it("matches NVIDIA's CUDA GPU table, generation by generation", () => {
    const expected: Record<string, [number, string]> = {
      K80: [3.7, "Kepler"], M60: [5.2, "Maxwell"], P100: [6.0, "Pascal"], P4: [6.1, "Pascal"], P40: [6.1, "Pascal"],
      V100: [7.0, "Volta"], "V100-32GB": [7.0, "Volta"], T4: [7.5, "Turing"], T4g: [7.5, "Turing"], RTX6000: [7.5, "Turing"], RTX2080Ti: [7.5, "Turing"],
      A100: [8.0, "Ampere"], "A100-80GB": [8.0, "Ampere"], A800: [8.0, "Ampere"], A30: [8.0, "Ampere"], A10: [8.6, "Ampere"], A10G: [8.6, "Ampere"],
      A40: [8.6, "Ampere"], A16: [8.6, "Ampere"], A2: [8.6, "Ampere"], RTX3090: [8.6, "Ampere"], RTXA6000: [8.6, "Ampere"], RTXA4000: [8.6, "Ampere"],
      L4: [8.9, "Ada Lovelace"], L40: [8.9, "Ada Lovelace"], L40S: [8.9, "Ada Lovelace"], RTX4090: [8.9, "Ada Lovelace"], "RTX6000-Ada": [8.9, "Ada Lovelace"],
      "RTX4000-Ada": [8.9, "Ada Lovelace"], H100: [9.0, "Hopper"], H200: [9.0, "Hopper"], GH200: [9.0, "Hopper"],
      B200: [10.0, "Blackwell"], GB200: [10.0, "Blackwell"], B300: [10.3, "Blackwell"], RTX5090: [12.0, "Blackwell"], RTXPRO6000: [12.0, "Blackwell"],
    };
    for (const [name, [cc, arch]] of Object.entries(expected)) {
      expect(GPU_SPECS[name]?.computeCapability, name).toBe(cc);
      expect(GPU_SPECS[name]?.architecture, name).toBe(arch);
      expect(computeCapabilityOf(name)).toBe(cc);
    }
  });

  it("every NVIDIA GPU has one; AMD GPUs, TPUs and other accelerators have none", () => {
    for (const s of Object.values(GPU_SPECS)) {
      if (s.kind === "gpu" && s.vendor === "NVIDIA") expect(s.computeCapability, s.canonical).not.toBeNull();
      else expect(s.computeCapability, s.canonical).toBeNull();
    }
  });

  it("gpuModelsWithMinCapability keeps only GPUs at or above the floor", () => {
    const bf16 = gpuModelsWithMinCapability(8.0);
    for (const m of ["A100", "A100-80GB", "A10G", "L4", "L40S", "H100", "B200", "RTX4090"]) expect(bf16).toContain(m);
    for (const m of ["V100", "T4", "T4g", "P100", "K80", "MI300X", "tpu-v4", "Inferentia"]) expect(bf16).not.toContain(m);
    const fp8 = gpuModelsWithMinCapability(8.9);
    expect(fp8).toContain("L40S");
    expect(fp8).toContain("H100");
    expect(fp8).not.toContain("A100");
    expect(fp8).not.toContain("A10G");
    const awq = gpuModelsWithMinCapability(7.5);
    expect(awq).toContain("T4");
    expect(awq).not.toContain("V100");
    expect(gpuModelsWithMinCapability(7.0)).toContain("V100");
    expect(gpuModelsWithMinCapability(7.0)).not.toContain("P100");
  });
});
