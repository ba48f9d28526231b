/**
 * A small tokenizer for model-name parsing. Letters and digits are split at their boundary
 * ("Qwen2.5" → "qwen" "2.5", "YOLOv8n" → "yolov" "8" "n") except for size-like tokens, which
 * stay whole ("70B", "1.5b", "350M", "8x7B", "4k"). Every other non-space character is its own
 * token. Each token keeps its raw text and offsets so callers can check spacing and case.
 */
export type TokenKind = "word" | "number" | "size" | "moe" | "kilo" | "punct";

export interface Token {
  /** Lower-case text. */
  t: string;
  raw: string;
  kind: TokenKind;
  start: number;
  end: number;
}

const TOKEN_RE =
  /(\d+(?:\.\d+)?x\d+(?:\.\d+)?[bm]?)(?![a-z0-9])|(\d+(?:\.\d+)?(?:bn|b|m))(?![a-z0-9])|(\d+k)(?![a-z0-9])|(\d+(?:\.\d+)?)|([a-z]+)|(\S)/gi;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const kind: TokenKind = m[1]
      ? "moe"
      : m[2]
        ? "size"
        : m[3]
          ? "kilo"
          : m[4]
            ? "number"
            : m[5]
              ? "word"
              : "punct";
    out.push({ t: raw.toLowerCase(), raw, kind, start, end: start + raw.length });
  }
  return out;
}

/** True when nothing (not even a space) separates the two tokens. */
export function tight(a: Token, b: Token): boolean {
  return a.end === b.start;
}

export interface ParsedSize {
  /** Total params in billions (n × each for MoE, as written). */
  total_b: number;
  experts?: number;
  each_b?: number;
  /** The size as written, normalised: "70B", "8x7B", "350M". */
  label: string;
}

/** Parses a size/moe token ("70b", "1.5B", "350m", "8x22b"); null otherwise. */
export function parseSizeToken(tok: Token): ParsedSize | null {
  if (tok.kind === "size") {
    const m = /^(\d+(?:\.\d+)?)(bn|b|m)$/i.exec(tok.t);
    if (!m) return null;
    const n = Number(m[1]);
    if (!(n > 0)) return null;
    const isM = m[2].toLowerCase() === "m";
    return { total_b: isM ? n / 1000 : n, label: `${m[1]}${isM ? "M" : "B"}` };
  }
  if (tok.kind === "moe") {
    const m = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)([bm]?)$/i.exec(tok.t);
    if (!m) return null;
    const experts = Number(m[1]);
    const each = Number(m[2]) / (m[3].toLowerCase() === "m" ? 1000 : 1);
    if (!(experts > 0 && each > 0) || !m[3]) return null;
    return { total_b: experts * each, experts, each_b: each, label: `${m[1]}x${m[2]}${m[3].toUpperCase()}` };
  }
  return null;
}
