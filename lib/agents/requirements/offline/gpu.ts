/**
 * GPU constraints: model names ("8 H100s", "4x A100 80GB", "a single 4090"), count × memory
 * ("2x24GB", "2 x 24 GB GPUs"), memory wishes ("GPU with 48GB", "at least 80GB VRAM") and bare
 * counts ("8 GPUs"). Memory that is system RAM or disk ("64GB RAM", "500GB SSD") is ignored.
 */
import type { GpuRef } from "../types";
import { GPUS, canonicalGpu, knownMemory, type GpuEntry } from "./gpu-vocab";
import { parseCount, stripThousands } from "./normalize";
import { isNegated } from "./negation";
import { utterance, type Said } from "./utterance";

const COUNT = String.raw`(?<count>\d{1,4}|a\s+single|single|an?|one|two|three|four|five|six|seven|eight|ten|twelve|sixteen|thirty[\s-]two|sixty[\s-]four|dual|triple|quad|a\s+pair\s+of|pair\s+of|a\s+couple\s+of|couple\s+of)`;
const VENDOR = String.raw`(?:(?:nvidia|amd|intel|geforce|tesla)\s+)?`;
const MEM_UNIT = String.raw`\s?(?:gb|gib|g)\b`;

const LEFT_OF_MODEL = new RegExp(
  String.raw`(?:^|[^\w.$])(?:${COUNT}(?![\d.])\s*(?:x|\*)?\s*)?(?:(?<mem>\d{1,3})${MEM_UNIT}\s*)?${VENDOR}$`,
);
const RIGHT_OF_MODEL =
  /^(?:\s*(?:[-(/,]|with|w\/)?\s*(?<mem>\d{1,3})\s?(?:gb|gib|g)\b(?:\s*(?:of\s+)?(?:vram|memory|hbm\d?e?))?\)?)?(?:\s*(?:gpus?|cards?|accelerators?))?(?:\s*(?:x|\*|:)\s*(?<count>\d{1,4})\b(?!\s*(?:gb|b)\b))?/;

const COUNT_X_MEM = /\b(?<count>\d{1,4})\s*(?:x|\*)\s*(?<mem>\d{1,3})\s?(?:gb|gib|g)\b/g;
/** "two 24GB GPUs", "4 80 GB cards": a count, then the memory of each, then the GPUs. */
const COUNT_MEM_GPUS = new RegExp(String.raw`(?:^|[^\w.$])${COUNT}\s+(?<mem>\d{1,3})\s?(?:gb|gib)\s+(?:gpus?|cards?|graphics\s+cards?|accelerators?)\b`, "g");
const MEM_ONLY = /(?<![\w.])(?<mem>\d{1,3})\s?(?:gb|gib|g)\b(?<plus>\+)?/g;
const COUNT_ONLY = new RegExp(
  String.raw`(?:^|[^\w.$])${COUNT}\s*(?:x\s*)?(?:-|\s)?${VENDOR}(?:gpus?|graphics\s+cards?|gpu\s+cards?|accelerators?)\b`,
  "g",
);

/** Words allowed between a negator and the GPU it rules out ("not on the T4s", "no more 2x A100"). */
const GPU_FILLER = /^(?:\s|,|\/|\(|\bor\b|\band\b|\bnor\b|\bthe\b|\bon\b|\bany\b|\busing\b|\buse\b|\bwith\b|\ba\b|\ban\b|\bnvidia\b|\bamd\b|\bgpus?\b|\bcards?\b|\bsingle\b|\bmore\b|\bwant\b|\bneed\b|\d{1,4}\s*x?\b|x)*$/;

const NOT_GPU_MEMORY =
  /^\s*(?:of\s+)?(?:system\s+|host\s+|cpu\s+|main\s+|ddr\d?\s+)?(?:ram|ddr\d?|disk|disks|storage|ssd|nvme|hdd|dataset|data|model|weights|files?|checkpoints?|memory\s+ram|swap|cache|image|download|upload)\b/;
const GPU_AFTER =
  /^\s*(?:\+\s*)?(?:of\s+)?(?:(?:gpu|video|device)\s+)?(?:vram|gpus?|cards?|graphics|hbm\d?e?|gpu\s+memory|memory\s+(?:per|on\s+the|each)\s+gpu|per\s+gpu|each)\b/;
const GPU_BEFORE =
  /(?:gpus?|cards?|vram|accelerators?|gpu\s+memory)\s*(?:with|having|of|that\s+ha(?:s|ve)|:|=|>=?)?\s*(?:at\s+least\s+|min(?:imum)?\s+|>=?\s*|over\s+|more\s+than\s+|about\s+|around\s+)?$/;
const MIN_BEFORE = /(?:at\s+least|min(?:imum)?|>=?|over|more\s+than)\s*$/;
const TOTAL_NEAR_BEFORE = /\btotal(?:\s+of)?\s*$|\btotal\s+(?:gpu\s+memory|vram)\s*(?:of|:)?\s*$/;
const TOTAL_NEAR_AFTER = /^\s*(?:of\s+)?(?:vram\s+|gpu\s+memory\s+)?(?:in\s+)?(?:total|combined|overall|across)\b|^\s*(?:total|combined)\b/;

export interface GpuExtraction {
  gpu?: GpuRef;
  /** GPU models ruled out ("no T4s", "anything but H100"), catalog names. */
  excluded: string[];
  total_gpu_memory_gb?: number;
  memory_is_minimum?: boolean;
  /** Other GPU models mentioned ("A100 or H100" → ["H100"]). */
  alternatives: string[];
  notes: string[];
}

interface ModelHit {
  entry: GpuEntry;
  start: number;
  end: number;
  count?: number;
  mem?: number;
}

function validMem(n: number): boolean {
  return n >= 4 && n <= 300;
}

function validCount(n: number | null): n is number {
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 4096;
}

function findModels(t: string): ModelHit[] {
  const hits: ModelHit[] = [];
  const overlaps = (s: number, e: number) => hits.some((h) => s < h.end && e > h.start);
  for (const entry of GPUS) {
    const re = new RegExp(entry.re.source, "g");
    for (const m of t.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const left = t.slice(Math.max(0, start - 40), start);
      const right = t.slice(end, end + 40);
      if (/[$€£]\s*$/.test(left)) continue;
      const l = LEFT_OF_MODEL.exec(left);
      const r = RIGHT_OF_MODEL.exec(right);
      if (entry.bareNumber && !/rtx|geforce/.test(m[0])) {
        // "4090" alone needs GPU context: a count word, a plural, "gpu"/"card", or "nvidia".
        const context = !!l?.groups?.count || /s$/.test(m[0]) || /^\s*(?:gpus?|cards?|ti)\b/.test(right) || /(?:nvidia|geforce|my|our)\s*$/.test(left);
        if (!context || /^\s*(?:\/|per|usd|dollars?|a\s+month)/.test(right)) continue;
      }
      let count: number | undefined;
      const lc = l?.groups?.count ? parseCount(l.groups.count.replace(/\s+/g, " ")) : null;
      const rc = r?.groups?.count ? Number(r.groups.count) : null;
      if (validCount(rc)) count = rc;
      else if (validCount(lc)) count = lc;
      let mem: number | undefined;
      const rm = r?.groups?.mem ? Number(r.groups.mem) : NaN;
      const lm = l?.groups?.mem ? Number(l.groups.mem) : NaN;
      if (validMem(rm)) mem = rm;
      else if (validMem(lm)) mem = lm;
      hits.push({ entry, start, end: end + (r && r.groups?.mem ? r[0].length : 0), count, mem });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

export function extractGpu(said: Said): GpuExtraction {
  // "8xH100" → "8x H100" so the model name starts at a word boundary.
  const t = stripThousands(utterance(said).text)
    .toLowerCase()
    .replace(/\b(\d{1,4})x(?=[a-z])/g, "$1x ");
  const notes: string[] = [];
  const found = findModels(t);
  // "no T4s", "anything but the H100", "not A100 or H100": ruled out, never the GPU asked for.
  const negated = found.filter((h) => isNegated(t, h, GPU_FILLER, found));
  const models = found.filter((h) => !negated.includes(h));
  const excluded = [...new Set(negated.map((h) => canonicalGpu(h.entry, h.mem ?? knownMemory(h.entry))))];
  const inModel = (pos: number) => models.some((h) => pos >= h.start - 12 && pos < h.end + 2);
  const primary = models[0];

  let count = primary?.count;
  let mem = primary?.mem;
  let total: number | undefined;
  let minimum: boolean | undefined;

  // two 24GB GPUs
  for (const m of t.matchAll(COUNT_MEM_GPUS)) {
    // "a 24GB GPU" names the kind of GPU, not a count.
    if (/^an?$/.test(m.groups?.count ?? "")) continue;
    const c = parseCount((m.groups?.count ?? "").replace(/\s+/g, " "));
    const g = Number(m.groups?.mem);
    if (!validCount(c) || !validMem(g)) continue;
    count ??= c;
    mem ??= g;
    break;
  }
  // 2x24GB, 2 x 24 GB GPUs
  for (const m of t.matchAll(COUNT_X_MEM)) {
    const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40);
    if (NOT_GPU_MEMORY.test(after)) continue;
    const c = Number(m.groups?.count);
    const g = Number(m.groups?.mem);
    if (!validCount(c) || !validMem(g)) continue;
    count ??= c;
    mem ??= g;
    break;
  }

  // GPU with 48GB, at least 80GB VRAM, 160GB of VRAM in total
  if (mem === undefined || total === undefined) {
    for (const m of t.matchAll(MEM_ONLY)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (inModel(start)) continue;
      const before = t.slice(Math.max(0, start - 40), start);
      const after = t.slice(end, end + 40);
      if (/\d\s*(?:x|\*)\s*$/.test(before)) continue; // part of 2x24GB, handled above
      if (NOT_GPU_MEMORY.test(after)) continue;
      if (!GPU_AFTER.test(after) && !GPU_BEFORE.test(before)) continue;
      const g = Number(m.groups?.mem);
      if (!validMem(g) && !(g > 300 && g <= 4096)) continue;
      const isTotal = TOTAL_NEAR_BEFORE.test(before) || TOTAL_NEAR_AFTER.test(after);
      if (isTotal) {
        total ??= g;
        continue;
      }
      if (!validMem(g)) continue;
      if (mem === undefined) {
        mem = g;
        if (MIN_BEFORE.test(before) || m.groups?.plus) minimum = true;
      }
    }
  }

  // 8 GPUs, a GPU, 8-GPU node
  if (count === undefined) {
    for (const m of t.matchAll(COUNT_ONLY)) {
      const c = parseCount((m.groups?.count ?? "").replace(/\s+/g, " "));
      if (validCount(c)) {
        count = c;
        break;
      }
    }
  }

  const gpu: GpuRef = {};
  if (primary) {
    const known = knownMemory(primary.entry);
    const memory = mem ?? known;
    gpu.model = canonicalGpu(primary.entry, memory);
    if (memory !== undefined) gpu.memory_gb_per_gpu = memory;
    if (mem === undefined && known === undefined) {
      notes.push(`${primary.entry.id} comes with ${primary.entry.memory.join(" or ")} GB; memory left open.`);
    }
    if (mem !== undefined && known !== undefined && mem !== known) {
      notes.push(`${primary.entry.id} normally has ${known} GB; using the ${mem} GB you gave.`);
    }
  } else if (mem !== undefined) {
    gpu.memory_gb_per_gpu = mem;
  }
  if (count !== undefined) gpu.count = count;
  const alternatives = [
    ...new Set(models.slice(1).map((h) => canonicalGpu(h.entry, h.mem ?? knownMemory(h.entry))).filter((n) => n !== gpu.model)),
  ];
  if (total !== undefined && gpu.count && !gpu.memory_gb_per_gpu) {
    gpu.memory_gb_per_gpu = Math.ceil(total / gpu.count);
    notes.push(`${total} GB total over ${gpu.count} GPUs: about ${gpu.memory_gb_per_gpu} GB each.`);
  }
  return {
    gpu: Object.keys(gpu).length ? gpu : undefined,
    excluded,
    total_gpu_memory_gb: total,
    memory_is_minimum: minimum,
    alternatives,
    notes,
  };
}
