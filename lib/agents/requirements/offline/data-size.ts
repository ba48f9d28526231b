/**
 * Size of the data to store, index or train on: "500 GB of documents", "a 2 TB dataset",
 * "our 40GB of PDFs", "index 1.5TB", "10 GB corpus". GPU memory ("a 24GB GPU", "80 GB VRAM") and
 * RAM ("64 GB RAM") are not data. Returns GB (10^9 bytes).
 */
import { utterance, type Said } from "./utterance";

const UNIT: Record<string, number> = { mb: 0.001, gb: 1, tb: 1000, pb: 1_000_000 };
const NUM = String.raw`(?<n>\d+(?:\.\d+)?)\s*(?<u>mb|gb|tb|pb)\b`;
const DATA_NOUN = String.raw`(?:data|dataset|datasets|data\s?set|documents?|docs|pdfs?|files|images|photos|videos?|audio|recordings|logs|text|corpus|knowledge\s+base|records|tables|embeddings|vectors|artifacts|models?\s+artifacts|content|archive|storage)`;

const PATTERNS = [
  // "500 GB of documents", "2 TB worth of images", "40GB de datos"
  new RegExp(String.raw`${NUM}\s+(?:worth\s+)?of\s+(?:\w+\s+){0,2}?${DATA_NOUN}\b`),
  // "a 2 TB dataset", "10 GB corpus"
  new RegExp(String.raw`${NUM}\s+(?:\w+\s+)?${DATA_NOUN}\b`),
  // "dataset of 2 TB", "data is about 300GB", "index 1.5TB"
  new RegExp(String.raw`\b${DATA_NOUN}\s+(?:of|is|are|totals?|totaling|around|about|~|:)?\s*(?:about|around|roughly|~)?\s*${NUM}`),
  new RegExp(String.raw`\b(?:index|store|ingest|embed|train\s+on|process)\s+(?:about\s+|around\s+|roughly\s+)?${NUM}`),
];

const NOT_DATA = /^\s*(?:of\s+)?(?:gpu|vram|hbm|ram|memory|gpu\s+memory|video\s+memory|system\s+memory)\b/;

export function extractDataGb(said: Said): number | undefined {
  const t = utterance(said).numeric;
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (!m?.groups) continue;
    if (NOT_DATA.test(t.slice((m.index ?? 0) + m[0].indexOf(m.groups.u) + m.groups.u.length))) continue;
    const gb = Number(m.groups.n) * UNIT[m.groups.u];
    if (Number.isFinite(gb) && gb > 0 && gb < 1e9) return Math.round(gb * 1000) / 1000;
  }
  return undefined;
}
