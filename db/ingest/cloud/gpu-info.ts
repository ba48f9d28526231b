/**
 * Parse SkyPilot's `GpuInfo` column. Variants (see shared/data/cloud/SOURCE.md §3):
 * Python-dict literal (single quotes, None), hyperstack's `'Manufacturer': null`,
 * JSON (verda, primeintellect), a bare GPU name (azure, ibm, paperspace, runpod v5),
 * or empty. Memory semantics differ per provider; `perGpuMiB` encodes them.
 */

export interface GpuInfo {
  name: string | null;
  count: number | null;
  /** `Gpus[0].MemoryInfo.SizeInMiB` exactly as written (unit/meaning varies by provider). */
  sizeInMiB: number | null;
  /** `TotalGpuMemoryInMiB` (top level or inside the GPU entry) as written. */
  totalInMiB: number | null;
}

/** Rewrite a Python literal into JSON: quote style, None/True/False. Strings are kept intact. */
export function pythonLiteralToJson(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let body = "";
      while (j < src.length && src[j] !== ch) {
        if (src[j] === "\\" && j + 1 < src.length) {
          body += src[j + 1] === "'" ? "'" : src.slice(j, j + 2);
          j += 2;
        } else {
          body += src[j] === '"' ? '\\"' : src[j];
          j += 1;
        }
      }
      out += `"${body}"`;
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z_]+/.exec(src.slice(i));
    if (word) {
      const w = word[0];
      out += w === "None" ? "null" : w === "True" ? "true" : w === "False" ? "false" : w;
      i += w.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Parse any GpuInfo variant. Empty -> null; a bare name -> `{ name }`; malformed dict -> null. */
export function parseGpuInfo(raw: string | null | undefined): GpuInfo | null {
  const text = (raw ?? "").trim();
  if (!text) return null;
  if (!text.startsWith("{")) return { name: text, count: null, sizeInMiB: null, totalInMiB: null };
  let obj: Record<string, unknown> | null;
  try {
    obj = asRecord(JSON.parse(pythonLiteralToJson(text)));
  } catch {
    return null;
  }
  if (!obj) return null;
  const gpus = Array.isArray(obj.Gpus) ? obj.Gpus : [];
  const gpu = asRecord(gpus[0]) ?? {};
  const mem = asRecord(gpu.MemoryInfo) ?? {};
  return {
    name: typeof gpu.Name === "string" ? gpu.Name : null,
    count: num(gpu.Count),
    sizeInMiB: num(mem.SizeInMiB),
    totalInMiB: num(obj.TotalGpuMemoryInMiB) ?? num(gpu.TotalGpuMemoryInMiB),
  };
}

/** Providers whose `SizeInMiB` is the instance total, not per GPU. */
const SIZE_IS_INSTANCE_TOTAL = new Set(["verda", "primeintellect", "vast"]);
/** Providers whose `SizeInMiB` is actually GB. */
const SIZE_IS_GB = new Set(["shadeform"]);

/**
 * Per-GPU memory in MiB implied by GpuInfo, honoring each provider's semantics.
 * Only meant as a hint to tell memory variants apart (A100 40 vs 80 GB).
 */
export function perGpuMiB(info: GpuInfo | null, provider: string, count: number): number | null {
  const size = info?.sizeInMiB;
  if (!size || size <= 0) return null;
  // Values this small cannot be MiB for any GPU: treat as GB (shadeform writes 80 for 80 GB).
  let mib = SIZE_IS_GB.has(provider) || size < 1024 ? size * 1024 : size;
  if (SIZE_IS_INSTANCE_TOTAL.has(provider) && count > 0) mib /= count;
  return mib;
}
