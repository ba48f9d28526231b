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
}

export interface NormalizedGpu {
  canonical: string;
  memoryGb: number | null;
  kind: AcceleratorKind;
  vendor: string;
}

type SpecTuple = [canonical: string, memoryGb: number | null, vendor: string, aliases?: string[], family?: string];

const NV = "NVIDIA";
const AMD = "AMD";

/** GPU rows: [canonical, per-GPU GB, vendor, extra alias keys, family]. */
const GPU_ROWS: SpecTuple[] = [
  // Datacenter, HBM
  ["A100", 40, NV, [], "A100"],
  ["A100-80GB", 80, NV, [], "A100"],
  ["A800", 80, NV],
  ["H100", 80, NV],
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
  ["RTXPRO6000", 96, NV, ["RTXPRO6000WS", "RTXPRO6000WK", "RTXPRO6000BLACKWELL", "RTXPRO6000SERVER"]],
  // Consumer
  ["RTX3060", 12, NV],
  ["RTX3070", 8, NV],
  ["RTX3080", 10, NV],
  ["RTX3090", 24, NV],
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
      out[canonical] = { canonical, memoryGb, vendor, kind, family: family ?? canonical };
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
