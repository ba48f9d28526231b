import { parse as parseYaml } from "yaml";

/** Markdown clean-up helpers for model cards (pure, deterministic). */

export interface FrontMatterSplit {
  /** YAML text between the `---` fences, or null when the card has none. */
  yaml: string | null;
  body: string;
}

/** Split a leading YAML front-matter block (leading blank lines are tolerated). */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const src = text.replace(/\r\n?/g, "\n");
  const m = /^\s*---[ \t]*\n/.exec(src);
  if (!m) return { yaml: null, body: src };
  const rest = src.slice(m[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return { yaml: null, body: src };
  return { yaml: rest.slice(0, close.index), body: rest.slice(close.index + close[0].length) };
}

const FACT_KEYS: ReadonlyArray<[key: string, label: string, max: number]> = [
  ["license", "license", 3],
  ["pipeline_tag", "pipeline", 1],
  ["library_name", "library", 1],
  ["language", "language", 8],
  ["base_model", "base model", 3],
  ["datasets", "datasets", 5],
  ["tags", "tags", 10],
];

function factValues(v: unknown, max: number): string[] {
  const arr = Array.isArray(v) ? v : [v];
  return arr
    .filter((x): x is string | number => typeof x === "string" || typeof x === "number")
    .map((x) => String(x).trim())
    .filter((x) => x !== "" && x.length <= 80)
    .slice(0, max);
}

/**
 * A one-line summary of the useful front-matter keys, e.g.
 * `license: apache-2.0; datasets: glue; tags: generated_from_trainer`.
 * Unparseable YAML or no useful keys → null. `model-index` etc. are dropped.
 */
export function frontMatterFacts(yaml: string): string | null {
  let doc: unknown;
  try {
    doc = parseYaml(yaml, { logLevel: "silent", maxAliasCount: 50 });
  } catch {
    return null;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return null;
  const rec = doc as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, label, max] of FACT_KEYS) {
    const vals = factValues(rec[key], max);
    if (vals.length) parts.push(`${label}: ${vals.join(", ")}`);
  }
  return parts.length ? parts.join("; ") : null;
}

/** Remove `<!-- ... -->` comments (multi-line). */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "");
}

const LINKED_IMAGE = /\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)/g;
const IMAGE = /!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g;
const IMG_TAG = /<img\b[^>]*>/gi;
const WRAPPER_TAG = /<\/?(?:a|p|div|center|span|br|picture|source|figure|figcaption|h[1-6])\b[^>]*>/gi;

/** Remove inline markdown images / `<img>` tags from a line of prose. */
export function stripInlineImages(line: string): string {
  return line.replace(LINKED_IMAGE, "").replace(IMAGE, "").replace(IMG_TAG, "");
}

/**
 * True for lines that carry no text: only badges / images / links-wrapping-images,
 * or only layout HTML (`<p align="center">`, `</div>`, `<br>`).
 */
export function isImageOrMarkupOnlyLine(line: string): boolean {
  if (line.trim() === "") return false;
  const rest = stripInlineImages(line).replace(WRAPPER_TAG, "").replace(/\[\s*\]\([^)]*\)/g, "");
  return rest.trim() === "";
}

/** Plain heading text: no links, images, HTML, emphasis or trailing colons. */
export function cleanHeading(raw: string): string {
  return stripInlineImages(raw)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\*\*|__|[*`]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s:]+$/, "")
    .trim()
    .slice(0, 120);
}
