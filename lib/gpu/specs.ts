/**
 * GPU / accelerator spec table maintained in code, plus name normalization.
 *
 * Canonical names follow SkyPilot's accelerator names (A100 = 40 GB, A100-80GB,
 * H100, L40S, RTXA6000, RTX6000 = 24 GB Quadro, RTX6000-Ada = 48 GB, ...).
 * Memory is per device, in GB, from vendor specs: provider catalogs disagree
 * about GpuInfo memory semantics, so never derive it from there (except to tell
 * an `A100` 40 GB from an 80 GB card, see `hint`).
 */

export type AcceleratorKind = "gpu" | "tpu" | "other";

export interface GpuSpec {
  canonical: string;
  /** Per-device memory in GB; null for TPUs and non-GPU accelerators. */
  memoryGb: number | null;
  vendor: string;
  kind: AcceleratorKind;
  /** Models a user means when typing the family name ("A100" = 40 GB and 80 GB). */
  family: string;
  /**
   * NVIDIA CUDA compute capability (sm_XY as X.Y: V100 7.0, A100 8.0, L4 8.9, H100 9.0); null for
   * AMD and non-NVIDIA accelerators, which have no CUDA compute capability.
   */
  computeCapability: number | null;
  /** GPU architecture generation ("Volta", "Ampere", "Hopper" …), when known. */
  architecture: string | null;
}

export interface NormalizedGpu {
  canonical: string;
  memoryGb: number | null;
  kind: AcceleratorKind;
  vendor: string;
}

type SpecTuple = [canonical: string, memoryGb: number | null, vendor: string, aliases?: string[], family?: string];

/**
 * NVIDIA architecture generations with their CUDA compute capability (per NVIDIA's CUDA GPUs
 * table). What each generation adds matters for the precision a plan may use: Volta (7.0) brings
 * fp16 tensor cores, Turing (7.5) the int8/int4 tensor cores vLLM's AWQ/GPTQ kernels need, Ampere
 * (8.x) bf16, Ada (8.9) and Hopper (9.0) fp8.
 */
const NVIDIA_ARCH: Record<string, { architecture: string; cc: number; models: string[] }> = {
  kepler: { architecture: "Kepler", cc: 3.7, models: ["K80"] },
  maxwell: { architecture: "Maxwell", cc: 5.2, models: ["M60"] },
  pascal60: { architecture: "Pascal", cc: 6.0, models: ["P100"] },
  pascal61: { architecture: "Pascal", cc: 6.1, models: ["P4", "P40"] },
  volta: { architecture: "Volta", cc: 7.0, models: ["V100", "V100-32GB"] },
  turing: { architecture: "Turing", cc: 7.5, models: ["T4", "T4g", "RTX6000", "RTX2080", "RTX2080Ti"] },
  ampere80: { architecture: "Ampere", cc: 8.0, models: ["A100", "A100-80GB", "A800", "A30"] },
  ampere86: {
    architecture: "Ampere",
    cc: 8.6,
    models: ["A10", "A10G", "A16", "A2", "A40", "RTX3060", "RTX3070", "RTX3080", "RTX3090", "RTXA4000", "RTXA4500", "RTXA5000", "RTXA6000"],
  },
  ada: { architecture: "Ada Lovelace", cc: 8.9, models: ["L4", "L40", "L40S", "RTX4080", "RTX4090", "RTX4000-Ada", "RTX5000-Ada", "RTX6000-Ada"] },
  hopper: { architecture: "Hopper", cc: 9.0, models: ["H100", "H200", "GH200"] },
  blackwell100: { architecture: "Blackwell", cc: 10.0, models: ["B200", "GB200"] },
  blackwell103: { architecture: "Blackwell", cc: 10.3, models: ["B300"] },
  blackwell120: { architecture: "Blackwell", cc: 12.0, models: ["RTX5090", "RTXPRO6000"] },
};

const ARCH_OF: ReadonlyMap<string, { architecture: string; cc: number }> = new Map(
  Object.values(NVIDIA_ARCH).flatMap((a) => a.models.map((m) => [m, { architecture: a.architecture, cc: a.cc }] as const)),
);

const NV = "NVIDIA";
const AMD = "AMD";

/** GPU rows: [canonical, per-GPU GB, vendor, extra alias keys, family]. */
const GPU_ROWS: SpecTuple[] = [
  // Datacenter, HBM
  ["A100", 40, NV, [], "A100"],
  ["A100-80GB", 80, NV, [], "A100"],
  ["A800", 80, NV],
  ["H100", 80, NV, ["H100MEGA"]], // H100-MEGA: GCP's name for the A3 Mega (H100 80 GB) GPUs
  ["H200", 141, NV],
  ["GH200", 96, NV],
  ["B200", 180, NV],
  ["B300", 288, NV],
  ["GB200", 186, NV],
  ["V100", 16, NV, [], "V100"],
  ["V100-32GB", 32, NV, [], "V100"],
  ["P100", 16, NV],
  ["K80", 12, NV],
  ["A30", 24, NV],
  // Datacenter, GDDR
  ["A10", 24, NV],
  ["A10G", 24, NV],
  ["A16", 16, NV],
  ["A2", 16, NV],
  ["A40", 48, NV],
  ["L4", 24, NV],
  ["L40", 48, NV],
  ["L40S", 48, NV],
  ["T4", 16, NV],
  ["T4g", 16, NV],
  ["M60", 8, NV],
  ["P4", 8, NV],
  ["P40", 24, NV],
  // Workstation
  ["RTXA4000", 16, NV, ["A4000"]],
  ["RTXA4500", 20, NV, ["A4500"]],
  ["RTXA5000", 24, NV, ["A5000"]],
  ["RTXA6000", 48, NV, ["A6000"]],
  ["RTX6000", 24, NV, ["QUADRORTX6000"]],
  ["RTX4000-Ada", 20, NV],
  ["RTX5000-Ada", 32, NV],
  ["RTX6000-Ada", 48, NV, ["RTX6000ADAGENERATION"]],
  ["RTXPRO6000", 96, NV, ["RTXPRO6000WS", "RTXPRO6000WK", "RTXPRO6000BLACKWELL", "RTXPRO6000SERVER", "RTXPROSERVER6000"]], // AWS g7e writes "RTX PRO Server 6000"
  // Consumer
  ["RTX3060", 12, NV],
  ["RTX3070", 8, NV],
  ["RTX3080", 10, NV],
  ["RTX3090", 24, NV],
  ["RTX2080", 8, NV],
  ["RTX2080Ti", 11, NV, ["RTX2080TI"]],
  ["RTX4080", 16, NV],
  ["RTX4090", 24, NV],
  ["RTX5090", 32, NV],
  // AMD
  ["MI300X", 192, AMD],
  ["MI325X", 256, AMD],
  ["MI250X", 128, AMD],
  ["MI250", 128, AMD],
  ["MI210", 64, AMD],
  ["MI100", 32, AMD],
  ["Radeon MI25", 16, AMD, ["MI25"]],
  ["Radeon Pro V520", 8, AMD, ["V520"]],
];

/** Non-GPU accelerators (kind 'other'): memory deliberately null (not GPU memory). */
const OTHER_ROWS: SpecTuple[] = [
  ["Inferentia", null, "AWS", ["INFERENTIA2"]],
  ["Trainium", null, "AWS", ["TRAINIUM2"]],
  ["Gaudi HL-205", null, "Intel Habana", ["GAUDI", "HL205"]],
  ["Qualcomm AI100", null, "Qualcomm", ["AI100"]],
  ["Virtex UltraScale (VU9P)", null, "Xilinx", ["VU9P", "XILINXVU9P"]],
];

/** TPU generations; the slice size (tpu-v4-8) is dropped from the canonical name. */
const TPU_ROWS: SpecTuple[] = ["v2", "v3", "v4", "v5e", "v5p", "v6e"].map(
  (g): SpecTuple => [`tpu-${g}`, null, "Google"],
);

function buildSpecs(): Record<string, GpuSpec> {
  const out: Record<string, GpuSpec> = {};
  const add = (rows: SpecTuple[], kind: AcceleratorKind) => {
    for (const [canonical, memoryGb, vendor, , family] of rows) {
      const arch = vendor === NV ? ARCH_OF.get(canonical) : undefined;
      out[canonical] = {
        canonical, memoryGb, vendor, kind, family: family ?? canonical,
        computeCapability: arch?.cc ?? null, architecture: arch?.architecture ?? null,
      };
    }
  };
  add(GPU_ROWS, "gpu");
  add(OTHER_ROWS, "other");
  add(TPU_ROWS, "tpu");
  return out;
}

/** All known accelerators keyed by canonical name. */
export const GPU_SPECS: Readonly<Record<string, GpuSpec>> = Object.freeze(buildSpecs());

/** Tokens that never change the model: brand, form factor, interconnect, memory type. */
const NOISE = new Set([
  "NVIDIA", "TESLA", "GEFORCE", "QUADRO", "AMD", "INSTINCT", "SXM", "SXM2", "SXM3", "SXM4", "SXM5",
  "PCIE", "PCI", "NVLINK", "HBM2", "HBM2E", "HBM3", "HBM3E", "GPU", "GPUS",
]);

/** Lookup key -> canonical name, built from canonical names and aliases. */
const ALIASES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const rows of [GPU_ROWS, OTHER_ROWS]) {
    for (const [canonical, , , aliases] of rows) {
      const base = parseName(canonical);
      // Memory variants (A100-80GB) are resolved through their family, not by key.
      if (base && base.memGb === null) m.set(base.key, canonical);
      for (const a of aliases ?? []) m.set(a, canonical);
    }
  }
  return m;
})();

interface ParsedName {
  /** Upper-case model key with separators and noise removed ("RTX6000ADA"). */
  key: string;
  /** First explicit memory token ("80GB", "80G") in GB, else null. */
  memGb: number | null;
}

function parseName(raw: string): ParsedName | null {
  const tokens = raw.toUpperCase().replace(/[()]/g, " ").split(/[\s_\-/]+/).filter(Boolean);
  let memGb: number | null = null;
  const kept: string[] = [];
  for (const t of tokens) {
    const mem = /^(\d+)GB?$/.exec(t);
    if (mem) {
      // First memory token is per device; later ones are instance totals (verda A100-80GB-320GB).
      if (memGb === null) memGb = Number(mem[1]);
    } else if (!NOISE.has(t)) {
      kept.push(t);
    }
  }
  const key = kept.join("");
  return key ? { key, memGb } : null;
}

function tpuCanonical(raw: string): string | null {
  const m = /^tpu[\s_-]*(v\d+[a-z]*)(?:[\s_-]*(?:pod|litepod))?(?:[\s_-]*\d+)?$/i.exec(raw.trim());
  if (!m) return null;
  const gen = m[1].toLowerCase().replace(/^v5lite$/, "v5e");
  return GPU_SPECS[`tpu-${gen}`] ? `tpu-${gen}` : null;
}

function familyMembers(family: string): GpuSpec[] {
  return Object.values(GPU_SPECS).filter((s) => s.family === family);
}

/** Pick the family member by explicit memory, else by the GpuInfo hint, else the base. */
function pickVariant(base: GpuSpec, memGb: number | null, perGpuMiB?: number): GpuSpec {
  const members = familyMembers(base.family);
  if (members.length < 2) return base;
  if (memGb !== null) return members.find((s) => s.memoryGb === memGb) ?? base;
  if (perGpuMiB && perGpuMiB > 0) {
    const gb = perGpuMiB / 1024;
    // Nearest member by memory (A100: 40 vs 80 GB).
    return members.reduce((best, s) =>
      Math.abs((s.memoryGb ?? 0) - gb) < Math.abs((best.memoryGb ?? 0) - gb) ? s : best,
    );
  }
  return base;
}

function toResult(s: GpuSpec): NormalizedGpu {
  return { canonical: s.canonical, memoryGb: s.memoryGb, kind: s.kind, vendor: s.vendor };
}

function lookup(raw: string, perGpuMiB?: number): { spec: GpuSpec; explicitMem: boolean } | null {
  const tpu = tpuCanonical(raw);
  if (tpu) return { spec: GPU_SPECS[tpu], explicitMem: false };
  const parsed = parseName(raw);
  if (!parsed) return null;
  const canonical = ALIASES.get(parsed.key);
  if (!canonical) return null;
  const spec = pickVariant(GPU_SPECS[canonical], parsed.memGb, perGpuMiB);
  return { spec, explicitMem: parsed.memGb !== null };
}

/**
 * Map an accelerator name as written by a provider catalog to its canonical spec.
 * `hint.perGpuMiB` (from GpuInfo) only matters for memory-variant families such as
 * `A100`, which some providers use for 80 GB cards. Returns null for unknown names.
 */
export function normalizeGpuName(raw: string, hint?: { perGpuMiB?: number }): NormalizedGpu | null {
  const hit = lookup(raw, hint?.perGpuMiB);
  return hit ? toResult(hit.spec) : null;
}

/**
 * Map what a user types ("a100", "A100 80GB", "4090", "rtx a6000") to the canonical
 * names to filter on. A bare family name returns every memory variant
 * ("a100" -> ["A100", "A100-80GB"]); an explicit memory picks one.
 */
export function resolveUserGpu(text: string): string[] {
  const t = text.trim();
  if (!t) return [];
  const hit = lookup(t) ?? (/^\d{4}/.test(t) ? lookup(`RTX${t}`) : null);
  if (!hit) return [];
  const { spec, explicitMem } = hit;
  if (explicitMem || spec.canonical !== spec.family) return [spec.canonical];
  return familyMembers(spec.family).map((s) => s.canonical);
}

/** Pre-Volta NVIDIA cards (no tensor cores, no bf16): poor fits for modern ML stacks. */
export const LEGACY_GPUS: ReadonlySet<string> = new Set(["K80", "M60", "P4", "P40", "P100"]);

/** Canonical GPU names of a vendor (case-insensitive), optionally without legacy cards. */
export function gpuModelsByVendor(vendor: string, opts: { modernOnly?: boolean } = {}): string[] {
  const v = vendor.trim().toLowerCase();
  return Object.values(GPU_SPECS)
    .filter((s) => s.kind === "gpu" && s.vendor.toLowerCase() === v && !(opts.modernOnly && LEGACY_GPUS.has(s.canonical)))
    .map((s) => s.canonical);
}

/** CUDA compute capability of a canonical GPU name (null: unknown, AMD or not a GPU). */
export function computeCapabilityOf(canonical: string): number | null {
  return GPU_SPECS[canonical]?.computeCapability ?? null;
}

/**
 * Canonical names of the GPUs whose CUDA compute capability is at least `cc` (e.g. 8.0 → Ampere and
 * newer). GPUs without a compute capability (AMD, TPUs, other accelerators) are never included.
 */
export function gpuModelsWithMinCapability(cc: number): string[] {
  return Object.values(GPU_SPECS)
    .filter((s) => s.kind === "gpu" && s.computeCapability !== null && s.computeCapability >= cc - 1e-9)
    .map((s) => s.canonical);
}
