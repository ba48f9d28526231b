/**
 * GPU vocabulary: how people write GPU models and their memory per GPU (GB). `memory` lists the
 * variants that exist; a single value means the memory is known from the name alone.
 * `canonical` follows catalog naming (SkyPilot style: "A100-80GB", "RTX4090", "L40S").
 */
export interface GpuEntry {
  /** Base name, catalog style. */
  id: string;
  /** Matches the name in lower-cased text (word boundaries included). */
  re: RegExp;
  memory: number[];
  /** Canonical name for a given memory (defaults to id, or id-<mem>GB for non-default sizes). */
  canonical?: (memGb: number | undefined) => string;
  vendor: "nvidia" | "amd" | "intel" | "google";
  /** A bare number like "4090" needs GPU context ("a single 4090", "4090s") to count. */
  bareNumber?: boolean;
}

const withMem = (id: string, defaultMem: number) => (mem: number | undefined) =>
  mem && mem !== defaultMem ? `${id}-${mem}GB` : id;

export const GPUS: GpuEntry[] = [
  { id: "GB200", re: /\bgb-?200s?\b/, memory: [192], vendor: "nvidia" },
  { id: "GH200", re: /\bgh-?200s?\b/, memory: [96], vendor: "nvidia" },
  { id: "B300", re: /\bb-?300s?\b/, memory: [288], vendor: "nvidia" },
  { id: "B200", re: /\bb-?200s?\b/, memory: [180], vendor: "nvidia" },
  { id: "H200", re: /\bh-?200s?\b/, memory: [141], vendor: "nvidia" },
  { id: "H100-NVL", re: /\bh-?100[\s-]?nvls?\b/, memory: [94], vendor: "nvidia" },
  { id: "H100", re: /\bh-?100(?:[\s-]?(?:sxm5?|pcie))?s?\b/, memory: [80], vendor: "nvidia" },
  { id: "H800", re: /\bh800s?\b/, memory: [80], vendor: "nvidia" },
  { id: "A100", re: /\ba-?100(?:[\s-]?(?:sxm4?|pcie))?s?\b/, memory: [40, 80], canonical: withMem("A100", 40), vendor: "nvidia" },
  { id: "A10G", re: /\ba10gs?\b/, memory: [24], vendor: "nvidia" },
  { id: "A10", re: /\ba10s?\b/, memory: [24], vendor: "nvidia" },
  { id: "A40", re: /\ba40s?\b/, memory: [48], vendor: "nvidia" },
  { id: "A30", re: /\ba30s?\b/, memory: [24], vendor: "nvidia" },
  { id: "L40S", re: /\bl-?40[\s-]?s\b/, memory: [48], vendor: "nvidia" },
  { id: "L40", re: /\bl-?40\b(?![\s-]?s\b)/, memory: [48], vendor: "nvidia" },
  { id: "L4", re: /\bl4s?\b/, memory: [24], vendor: "nvidia" },
  { id: "T4", re: /\bt4s?\b/, memory: [16], vendor: "nvidia" },
  { id: "V100", re: /\bv-?100s?\b/, memory: [16, 32], canonical: withMem("V100", 16), vendor: "nvidia" },
  { id: "P100", re: /\bp100s?\b/, memory: [16], vendor: "nvidia" },
  { id: "K80", re: /\bk80s?\b/, memory: [12], vendor: "nvidia" },
  { id: "RTXPRO6000", re: /\brtx[\s-]?pro[\s-]?6000\b/, memory: [96], vendor: "nvidia" },
  { id: "RTX6000-Ada", re: /\b(?:rtx[\s-]?)?6000[\s-]?ada\b/, memory: [48], vendor: "nvidia" },
  { id: "A6000", re: /\b(?:rtx[\s-]?)?a-?6000s?\b/, memory: [48], vendor: "nvidia" },
  { id: "A5000", re: /\b(?:rtx[\s-]?)?a-?5000s?\b/, memory: [24], vendor: "nvidia" },
  { id: "A4000", re: /\b(?:rtx[\s-]?)?a-?4000s?\b/, memory: [16], vendor: "nvidia" },
  { id: "RTX5090", re: /\b(?:(?:rtx|geforce)[\s-]?)?5090s?\b/, memory: [32], vendor: "nvidia", bareNumber: true },
  { id: "RTX4090", re: /\b(?:(?:rtx|geforce)[\s-]?)?4090s?\b/, memory: [24], vendor: "nvidia", bareNumber: true },
  { id: "RTX3090", re: /\b(?:(?:rtx|geforce)[\s-]?)?3090(?:[\s-]?ti)?s?\b/, memory: [24], vendor: "nvidia", bareNumber: true },
  { id: "RTX5080", re: /\b(?:rtx|geforce)[\s-]?5080s?\b/, memory: [16], vendor: "nvidia" },
  { id: "RTX4080", re: /\b(?:rtx|geforce)[\s-]?4080(?:[\s-]?super)?s?\b/, memory: [16], vendor: "nvidia" },
  { id: "RTX4070", re: /\b(?:rtx|geforce)[\s-]?4070(?:[\s-]?(?:ti|super))?s?\b/, memory: [12], vendor: "nvidia" },
  { id: "RTX3080", re: /\b(?:rtx|geforce)[\s-]?3080(?:[\s-]?ti)?s?\b/, memory: [10, 12], vendor: "nvidia" },
  { id: "RTX3060", re: /\b(?:rtx|geforce)[\s-]?3060s?\b/, memory: [12], vendor: "nvidia" },
  { id: "MI355X", re: /\bmi[\s-]?355x?\b/, memory: [288], vendor: "amd" },
  { id: "MI325X", re: /\bmi[\s-]?325x?\b/, memory: [256], vendor: "amd" },
  { id: "MI300X", re: /\bmi[\s-]?300x?s?\b/, memory: [192], vendor: "amd" },
  { id: "MI250X", re: /\bmi[\s-]?250x?s?\b/, memory: [128], vendor: "amd" },
  { id: "MI210", re: /\bmi[\s-]?210s?\b/, memory: [64], vendor: "amd" },
  { id: "Gaudi3", re: /\bgaudi[\s-]?3\b/, memory: [128], vendor: "intel" },
  { id: "Gaudi2", re: /\bgaudi[\s-]?2\b/, memory: [96], vendor: "intel" },
  { id: "TPU-v5e", re: /\btpu[\s-]?v?5[\s-]?e\b|\bv5e\b/, memory: [16], vendor: "google" },
  { id: "TPU-v5p", re: /\btpu[\s-]?v?5[\s-]?p\b|\bv5p\b/, memory: [95], vendor: "google" },
  { id: "TPU-v6e", re: /\btpu[\s-]?v?6[\s-]?e\b|\bv6e\b|\btrillium\b/, memory: [32], vendor: "google" },
  { id: "TPU-v4", re: /\btpu[\s-]?v?4\b/, memory: [32], vendor: "google" },
];

/** Canonical name for an entry and (optional) memory. */
export function canonicalGpu(entry: GpuEntry, memGb?: number): string {
  if (entry.canonical) return entry.canonical(memGb);
  return entry.id;
}

/** Memory per GPU when the name alone determines it. */
export function knownMemory(entry: GpuEntry): number | undefined {
  return entry.memory.length === 1 ? entry.memory[0] : undefined;
}
