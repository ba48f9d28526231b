/**
 * The model vocabulary generated from data: from the catalog's Hugging Face rows, the sizes,
 * context lengths and top repos that each family's OFFICIAL organisations publish
 * (model-families.ts), plus catalog/model-facts.overrides.json for what the catalog lacks.
 * Pure and deterministic: same rows, same JSON bytes (see serializeModelFacts).
 */
import type { FamilyFacts, ModelFacts, ModelFactsOverrides, SizeFact, SizeOverride } from "@/lib/sizing/model-facts-types";
import type { FamilySource, RepoPattern } from "./model-families";

/** The fields of a snapshot hf_models row this needs. */
export interface FactRow {
  id: string;
  author?: string | null;
  params?: number | null;
  params_estimated?: boolean | null;
  context_length?: number | null;
  base_model?: string | null;
  popularity?: number | null;
  likes?: number | null;
}

/** Quantized / converted re-uploads: a repo-name token naming a weight format. */
const REUPLOAD_RX = /(?:^|[-_.])(gguf|ggml|awq|gptq|exl2|fp8|fp4|nvfp4|mxfp4|int4|int8|w4a16|w8a8|bnb|4bit|8bit|mlx|onnx|openvino|litert)(?:$|[-_.])/;

export const isReupload = (name: string): boolean => REUPLOAD_RX.test(name.toLowerCase());

/** A size read from a repo name: "7b" → 7, "1_8b" → 1.8, "270m" → 0.27, "8x7b" → 56 (8 × 7, as written). */
export function nominalFromLabel(label: string): number | undefined {
  const m = /^(?:(\d+)x)?(\d+(?:[._]\d+)?)([bm])$/.exec(label.toLowerCase());
  if (!m) return undefined;
  const n = Number(m[2].replace("_", ".")) * (m[1] ? Number(m[1]) : 1) / (m[3] === "m" ? 1000 : 1);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Stable rounding to 3 significant digits (6738417664 → 6.74, 494032768 → 0.494, 405e9 → 405). */
export function round3(b: number): number {
  if (!Number.isFinite(b) || b <= 0) throw new Error(`round3: not a positive number: ${b}`);
  return Number(b.toPrecision(3));
}

/**
 * A row whose total params disagree with the size in its own name by more than this factor is a
 * data error and is skipped. Errors seen in the catalog are ×4.4 (internlm2-1_8b listed with 8e9)
 * and ×9.9 (NVIDIA-Nemotron-Nano-9B-v2 with 88.9e9); honest gaps reach ×1.67 (Falcon3-1B has
 * 1.67B params, Gemma-2-2B 2.61B: names round down and small models carry a large embedding table).
 */
export const NAME_PARAMS_TOLERANCE = 2;

interface Parsed {
  version: string | null;
  variant: string | null;
  label: string;
  nominal_b: number;
}

function parseName(name: string, p: RepoPattern): Parsed | null {
  const m = p.rx.exec(name);
  if (!m) return null;
  const g = m.groups ?? {};
  const version = p.version ?? (g.v !== undefined ? g.v.replace("_", ".") : p.defaultVersion === undefined ? null : p.defaultVersion);
  const variant = g.variant ?? p.variant ?? null;
  if (g.size) {
    const nominal_b = nominalFromLabel(g.size);
    if (nominal_b === undefined) return null;
    return { version, variant, label: g.size.replace("_", ".").replace(/[bm]$/, (c) => c.toUpperCase()), nominal_b };
  }
  if (!g.variant) return null;
  return { version, variant, label: g.variant, nominal_b: NaN };
}

const orgOf = (id: string) => (id.includes("/") ? id.split("/")[0].toLowerCase() : "");

/** Official repo: org and author official, no base model outside the family's orgs, not a re-upload. */
export function isOfficialRow(row: FactRow, orgs: readonly string[]): boolean {
  const org = orgOf(row.id);
  if (!orgs.includes(org)) return false;
  if (row.author && !orgs.includes(row.author.toLowerCase())) return false;
  const bases = (row.base_model ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (bases.some((b) => !orgs.includes(orgOf(b)))) return false;
  return !isReupload(row.id.split("/").pop() ?? "");
}

const numericCompare = (a: string | null, b: string | null): number => {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a.localeCompare(b, "en", { numeric: true });
};

export function compareSizes(a: SizeFact, b: SizeFact): number {
  return (
    numericCompare(a.version, b.version) ||
    numericCompare(a.variant, b.variant) ||
    a.nominal_b - b.nominal_b ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
  );
}

/** Most common value; ties go to the smaller (the conservative window). */
function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const byPopularity = (a: FactRow, b: FactRow) =>
  (b.popularity ?? 0) - (a.popularity ?? 0) || (b.likes ?? 0) - (a.likes ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const TOP_REPOS = 3;

/** Sizes of one family from its official rows (rows with name-estimated params are ignored). */
export function familySizesFromRows(rows: readonly FactRow[], src: FamilySource): SizeFact[] {
  const groups = new Map<string, { p: Parsed; rows: FactRow[] }>();
  for (const row of rows) {
    if (!isOfficialRow(row, src.orgs)) continue;
    if (row.params_estimated || !row.params || !Number.isFinite(row.params) || row.params <= 0) continue;
    const name = (row.id.split("/").pop() ?? "").toLowerCase();
    const p = src.repos.map((r) => parseName(name, r)).find((x) => x !== null);
    if (!p) continue;
    const b = row.params / 1e9;
    if (Number.isFinite(p.nominal_b) && Math.max(b / p.nominal_b, p.nominal_b / b) > NAME_PARAMS_TOLERANCE) continue;
    const key = JSON.stringify([p.version, p.variant, p.label]);
    const g = groups.get(key) ?? { p, rows: [] };
    g.rows.push(row);
    groups.set(key, g);
  }
  const out: SizeFact[] = [];
  for (const { p, rows: rs } of groups.values()) {
    // Exact counts (safetensors totals such as 6738417664) beat rounded listings (7e9, from
    // xinference / LLM-Stats sizes in whole billions) when both exist for a size.
    const exact = rs.filter((r) => r.params! % 1e8 !== 0);
    const params_b = round3(median((exact.length ? exact : rs).map((r) => r.params! / 1e9)));
    const ctx = rs.map((r) => r.context_length).filter((c): c is number => !!c && Number.isFinite(c) && c > 0);
    const distinct = [...new Set(ctx)].sort((a, b) => a - b);
    out.push({
      version: p.version,
      variant: p.variant,
      label: p.label,
      nominal_b: Number.isFinite(p.nominal_b) ? p.nominal_b : params_b,
      params_b,
      ...(ctx.length ? { context: mode(ctx) } : {}),
      ...(distinct.length > 1 ? { contexts: distinct } : {}),
      repos: [...rs].sort(byPopularity).slice(0, TOP_REPOS).map((r) => r.id),
      source: "catalog",
    });
  }
  return out.sort(compareSizes);
}

const sameSlot = (s: SizeFact, o: SizeOverride) =>
  s.version === (o.version ?? null) && s.variant === (o.variant ?? null);

/**
 * Apply overrides: an entry with a label fills what the catalog's fact of that size lacks (or adds
 * the size when the catalog has none; params_b is then required); an entry without a label gives
 * its context to every size of that (version, variant) that has none. Catalog values are never
 * replaced: an override that contradicts one is an error to fix in the override file.
 */
export function applyOverrides(sizes: SizeFact[], overrides: readonly SizeOverride[]): SizeFact[] {
  const out = sizes.map((s) => ({ ...s }));
  for (const o of overrides) {
    if (!o.source) throw new Error(`model-facts override for ${o.family} has no source`);
    if (o.label === undefined) {
      if (!o.context) throw new Error(`model-facts override for ${o.family} ${o.version ?? ""}: no label and no context`);
      for (const s of out) if (sameSlot(s, o) && s.context === undefined) Object.assign(s, { context: o.context, context_source: o.source });
      continue;
    }
    const hit = out.find((s) => sameSlot(s, o) && s.label === o.label);
    if (hit) {
      if (o.context !== undefined && hit.context === undefined) Object.assign(hit, { context: o.context, context_source: o.source });
      continue;
    }
    const nominal = nominalFromLabel(o.label);
    if (!o.params_b || !Number.isFinite(o.params_b) || o.params_b <= 0) throw new Error(`model-facts override ${o.family} ${o.label}: params_b required`);
    out.push({
      version: o.version ?? null,
      variant: o.variant ?? null,
      label: o.label,
      nominal_b: nominal ?? o.params_b,
      params_b: round3(o.params_b),
      ...(o.context ? { context: o.context } : {}),
      repos: o.repos ?? [],
      source: o.source,
    });
  }
  return out.sort(compareSizes);
}

export function buildModelFacts(
  rows: readonly FactRow[],
  sources: readonly FamilySource[],
  overrides: ModelFactsOverrides,
  generatedFrom: string,
): ModelFacts {
  const known = new Set(sources.map((s) => s.family));
  for (const o of overrides.sizes) if (!known.has(o.family)) throw new Error(`model-facts override for unknown family ${o.family}`);
  const families: Record<string, FamilyFacts> = {};
  for (const src of [...sources].sort((a, b) => (a.family < b.family ? -1 : 1))) {
    const catalog = familySizesFromRows(rows, src);
    families[src.family] = {
      orgs: [...new Set(src.orgs.map((o) => o.toLowerCase()))].sort(),
      sizes: applyOverrides(catalog, overrides.sizes.filter((o) => o.family === src.family)),
    };
  }
  return { format_version: 1, generated_from: generatedFrom, families };
}

/** JSON with sorted object keys, one size per line: stable bytes, readable diffs. */
export function serializeModelFacts(facts: ModelFacts): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
        : v;
  const sorted = sortKeys(facts) as ModelFacts;
  const fams = Object.keys(sorted.families).map((f) => {
    const fam = sorted.families[f];
    const sizes = fam.sizes.map((s) => `        ${JSON.stringify(s)}`).join(",\n");
    return `    ${JSON.stringify(f)}: {\n      "orgs": ${JSON.stringify(fam.orgs)},\n      "sizes": [${sizes ? `\n${sizes}\n      ` : ""}]\n    }`;
  });
  return `{\n  "families": {\n${fams.join(",\n")}\n  },\n  "format_version": ${sorted.format_version},\n  "generated_from": ${JSON.stringify(sorted.generated_from)}\n}\n`;
}
