import { CHUNK_MAX_TOKENS, CHUNK_OVERLAP_TOKENS, estimateTokens } from "./tokens";

/** Largest piece of a block: leaves room for the overlap carried into a chunk. */
export const PIECE_MAX_TOKENS = CHUNK_MAX_TOKENS - CHUNK_OVERLAP_TOKENS;

const SPLITTERS: ReadonlyArray<[RegExp, string]> = [
  [/\n+/, "\n"],
  [/(?<=[.!?;:])\s+/, " "],
  [/\s+/, " "],
];

function group(units: string[], joiner: string, max: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const u of units) {
    const next = cur === "" ? u : cur + joiner + u;
    if (cur !== "" && estimateTokens(next) > max) {
      out.push(cur);
      cur = u;
    } else cur = next;
  }
  if (cur !== "") out.push(cur);
  return out;
}

/** Split text into pieces of ≤ max tokens: by lines, then sentences, then words, then chars. */
export function splitToFit(text: string, max: number, from = 0): string[] {
  if (estimateTokens(text) <= max) return [text];
  for (let i = from; i < SPLITTERS.length; i++) {
    const [re, joiner] = SPLITTERS[i];
    const units = text.split(re).filter((u) => u.trim() !== "");
    if (units.length > 1) return group(units.flatMap((u) => splitToFit(u, max, i + 1)), joiner, max);
  }
  const step = Math.max(1, max * 4);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out;
}

const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;

/** Split one block (paragraph, table or code fence) into pieces of ≤ PIECE_MAX_TOKENS. */
export function splitBlock(block: string): string[] {
  if (estimateTokens(block) <= PIECE_MAX_TOKENS) return [block];
  const lines = block.split("\n");
  // Table: repeat the header row + separator on every piece.
  const header = `${lines[0]}\n${lines[1]}`;
  const isTable = lines.length > 3 && TABLE_SEP.test(lines[1]) && lines.every((l) => l.trim().startsWith("|"));
  if (isTable && estimateTokens(header) <= PIECE_MAX_TOKENS / 2) {
    const budget = PIECE_MAX_TOKENS - estimateTokens(header) - 1;
    const rows = group(lines.slice(2).flatMap((r) => splitToFit(r, budget, 1)), "\n", budget);
    return rows.map((r) => `${header}\n${r}`);
  }
  // Code fence: cut to one piece, fence re-closed.
  const fence = FENCE_LINE.exec(lines[0]);
  if (fence) {
    const closed = lines.length > 1 && FENCE_LINE.test(lines[lines.length - 1]);
    const inner = lines.slice(1, closed ? -1 : undefined).join("\n");
    const close = fence[1];
    // Long code is mostly pasted sample input / output: keep its first piece only.
    const budget = PIECE_MAX_TOKENS - estimateTokens(lines[0] + close) - 4;
    return [`${lines[0]}\n${splitToFit(inner, budget)[0]}\n…\n${close}`];
  }
  return splitToFit(block, PIECE_MAX_TOKENS);
}

/**
 * Last ~CHUNK_OVERLAP_TOKENS of a chunk, starting at a line start when the tail spans
 * lines, else on a word boundary. A chunk not even twice that long gives no overlap
 * (it would just be repeated whole).
 */
export function overlapTail(text: string): string {
  const budget = CHUNK_OVERLAP_TOKENS * 4;
  if (text.length <= budget * 2) return "";
  const tail = text.slice(text.length - budget);
  const nl = tail.indexOf("\n");
  if (nl >= 0 && tail.slice(nl + 1).trim() !== "") return tail.slice(nl + 1).trim();
  const ws = tail.search(/\s/);
  return ws < 0 ? "" : tail.slice(ws).trim();
}

/** Tables and code do not get (or give) overlap: a fragment of rows/code reads as noise. */
const STRUCTURED = /^\s*(?:\||`{3,}|~{3,})/;

/** Greedily pack pieces (each ≤ PIECE_MAX_TOKENS) into chunks, with overlap between prose chunks. */
export function packSection(pieces: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let hasContent = false;
  for (const p of pieces) {
    if (hasContent && estimateTokens([...cur, p].join("\n\n")) > CHUNK_MAX_TOKENS) {
      const text = cur.join("\n\n");
      out.push(text);
      const tail = STRUCTURED.test(p) ? "" : overlapTail(text);
      const ok = tail !== "" && !STRUCTURED.test(tail) && estimateTokens(`${tail}\n\n${p}`) <= CHUNK_MAX_TOKENS;
      cur = ok ? [tail] : [];
      hasContent = false;
    }
    cur.push(p);
    hasContent = true;
  }
  if (hasContent) out.push(cur.join("\n\n"));
  return out;
}
