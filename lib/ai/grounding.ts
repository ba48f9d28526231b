/**
 * Grounding by role: every number an LLM writes must be a fact of the same kind — a price per hour
 * against the hourly prices, per month against the monthly figures, GB against memory figures,
 * GPU counts against counts, model sizes against parameter counts. A number may be rounded to the
 * precision it is written with ("$934/month" for 934.4), never changed. Only bare small whole
 * numbers ("2-4 sentences", "step 1") pass without a fact; next to a unit or currency they do not.
 */

export type QuantityKind = "usd_hour" | "usd_month" | "usd" | "gb" | "count" | "params_b" | "percent" | "number";

/** The facts the prose may quote, by kind. `number` holds other figures (context length, 730 h…). */
export interface GroundingFacts {
  usd_hour: number[];
  usd_month: number[];
  gb: number[];
  count: number[];
  params_b: number[];
  number: number[];
}

export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** Decimals as written (the fact is rounded to this before comparing). */
  decimals: number;
  /** Thousands as written ("3k"): the fact is compared in thousands. */
  thousands: boolean;
  text: string;
}

const NUMBER = /(US\$|\$|€|£)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([kK](?![a-zA-Z]))?/g;
const GLUED_UNIT = /^(?:GB|GiB|TB|B|x)(?![a-zA-Z])/i;

/** The quantities in `text`, after removing the given names (instance types, model ids…) whose digits are not figures. */
export function quantitiesIn(text: string, names: string[] = []): Quantity[] {
  let s = ` ${text} `;
  for (const n of [...new Set(names)].filter((x) => x && /\d/.test(x)).sort((a, b) => b.length - a.length)) {
    s = s.replace(new RegExp(escapeRegExp(n), "gi"), " ");
  }
  const out: Quantity[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const start = m.index!;
    const end = start + m[0].length;
    const currency = !!m[1];
    const prev = s[start - 1] ?? " ";
    const prev2 = s[start - 2] ?? " ";
    // Digits inside identifiers: "A100", "p4de", "Llama-3.3", "g5.12xlarge", "RTX3090_8x".
    if (/[A-Za-z_]/.test(prev) || (/[.\-/]/.test(prev) && /[A-Za-z0-9]/.test(prev2)) || /\d/.test(prev)) continue;
    const after = s.slice(end);
    if (/^[A-Za-z]/.test(after) && !GLUED_UNIT.test(after)) continue;
    if (/^[._][A-Za-z0-9]/.test(after) || /^-[A-Za-z]/.test(after)) continue;
    const digits = m[2].replace(/,/g, "");
    const frac = m[3] ?? "";
    const thousands = !!m[4];
    const value = Number(digits + frac);
    if (!Number.isFinite(value)) continue;
    out.push({ kind: kindOf(currency, after), value, decimals: frac ? frac.length - 1 : 0, thousands, text: m[0].trim() });
  }
  return out;
}

function kindOf(currency: boolean, after: string): QuantityKind {
  const a = after;
  const period = (x: string) => {
    if (/^\s*(?:USD|dollars?)?\s*(?:\/\s*|per\s+|an?\s+|each\s+)(?:h|hr|hrs|hour)\b|^\s*(?:USD|dollars?)?\s*hourly\b/i.test(x)) return "hour";
    if (/^\s*(?:USD|dollars?)?\s*(?:\/\s*|per\s+|an?\s+|each\s+)(?:mo|mon|month)\b|^\s*(?:USD|dollars?)?\s*monthly\b/i.test(x)) return "month";
    return null;
  };
  if (currency || /^\s*(?:USD|dollars?)\b/i.test(a)) {
    const p = period(a);
    return p === "hour" ? "usd_hour" : p === "month" ? "usd_month" : "usd";
  }
  if (/^\s*\/\s*(?:h|hr|hour)\b/i.test(a)) return "usd_hour";
  if (/^\s*(?:GB|GiB|gigabytes?)(?![a-zA-Z])/i.test(a)) return "gb";
  if (/^\s*TB(?![a-zA-Z])/i.test(a)) return "gb";
  if (/^\s*(?:B|billion)(?![a-zA-Z])/i.test(a) || /^\s*billion\b/i.test(a)) return "params_b";
  if (/^\s*(?:x|×)(?![a-zA-Z])/i.test(a) || /^\s*(?:GPUs?|cards?|accelerators?|nodes?)\b/i.test(a)) return "count";
  if (/^\s*%/.test(a)) return "percent";
  return "number";
}

/** The quantities of `text` that are not a fact of their kind, as written ("$2/h", "18 GB"). */
export function ungroundedQuantities(text: string, facts: GroundingFacts, names: string[] = []): string[] {
  // A bare version number that is part of a name ("Llama 3.1" for Llama-3.1-8B-Instruct) is a name, not a figure.
  const nameNumbers = new Set(names.flatMap((n) => n.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
  const bad: string[] = [];
  for (const q of quantitiesIn(text, names)) {
    if (q.kind === "number" && !q.thousands && nameNumbers.has(q.value)) continue;
    if (!grounded(q, facts)) bad.push(describe(q));
  }
  return [...new Set(bad)];
}

function grounded(q: Quantity, f: GroundingFacts): boolean {
  const value = /TB/i.test(q.text) ? q.value * 1000 : q.value;
  const pool = candidates(q.kind, f);
  if (q.kind === "number" && !q.thousands && Number.isInteger(value) && value >= 0 && value <= 10) return true;
  return pool.some((fact) => sameFigure({ ...q, value }, fact));
}

function candidates(kind: QuantityKind, f: GroundingFacts): number[] {
  switch (kind) {
    case "usd_hour": return f.usd_hour;
    case "usd_month": return f.usd_month;
    case "usd": return [...f.usd_hour, ...f.usd_month];
    case "gb": return f.gb;
    case "count": return f.count;
    case "params_b": return f.params_b;
    case "percent": return f.number;
    case "number": return [...f.number, ...f.usd_hour, ...f.usd_month, ...f.gb, ...f.count, ...f.params_b];
  }
}

/** The fact, rounded to the precision the text uses, equals the text's value. */
function sameFigure(q: Pick<Quantity, "value" | "decimals" | "thousands">, fact: number): boolean {
  const f = q.thousands ? fact / 1000 : fact;
  const p = 10 ** q.decimals;
  return Math.abs(Math.round(f * p) / p - q.value) < 1e-9 || Math.abs(f - q.value) < 1e-9;
}

function describe(q: Quantity): string {
  const unit = { usd_hour: "/h", usd_month: "/month", usd: "", gb: " GB", count: " (count)", params_b: "B", percent: "%", number: "" }[q.kind];
  const money = q.kind.startsWith("usd") ? "$" : "";
  return `${money}${q.text.replace(/^(US\$|\$|€|£)/, "")}${unit}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
