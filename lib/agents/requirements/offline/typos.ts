/**
 * Model names typed with a typo ("lama 3.1 8b", "mistrall 7b", "whsiper large"): a word right before
 * a version or size, or before a variant word, that is one edit (two for long names) from exactly one
 * family's name is read as that family, and the reading is stated. Two families that close ("lava":
 * Llama or LLaVA) is asked, never guessed. Only the vocabulary's family names are compared (a few
 * hundred), never the catalog's 67k models.
 */
import { FAMILIES } from "./model-vocab";

/** Single-word family names (heads) of at least 4 letters, lower case. */
const NAMES: { name: string; family: string; display: string }[] = FAMILIES.flatMap((f) =>
  f.heads.filter((h) => h.seq.length === 1 && /^[a-z]{4,}$/.test(h.seq[0])).map((h) => ({ name: h.seq[0], family: f.id, display: f.display })),
);
const KNOWN = new Set(NAMES.map((n) => n.name));

/** English words one edit from a family name that must never be read as one. */
const REAL_WORDS = new Set(["lame", "lamb", "lamp", "llamas", "mamba", "blood", "gloom", "polar", "sonar", "holly", "jolly", "molly", "dolls", "blimp", "solo", "polo", "queen", "gamma", "gemma", "flux", "phil", "whisper", "falcon", "mistral", "opus", "alpaca", "vicuna", "orca"]);

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export interface TypoReading {
  /** The text with each confident correction applied. */
  text: string;
  corrections: { typed: string; read: string }[];
  /** A word close to several families: ask which. */
  ambiguous?: { typed: string; options: string[] };
}

/** A word followed by what model names are followed by: a version/size ("3.1", "8b", "v3") or a size word. */
const CANDIDATE = /\b([a-z]{4,})(?=([\s-]*)(?:[a-z]?\d[\w.]*|large|medium|small|base|tiny|turbo|instruct|xl)\b)/gi;

/** Task words typed with a typo ("infernce", "finetunning"): one edit, words of 7+ letters only. */
const TASK_WORDS = ["inference", "training", "finetuning", "fine-tuning", "finetune", "deployment", "transcription", "embeddings"];
const TASK_WORD_RE = /(?<![\w./-])[a-z]{7,}(?![\w./-])/gi; // whole words, never inside a repo id

export function readModelTypos(text: string): TypoReading {
  const corrections: TypoReading["corrections"] = [];
  let ambiguous: TypoReading["ambiguous"];
  const out = text.replace(CANDIDATE, (word, _g1: string, gap: string) => {
    const w = word.toLowerCase();
    const attached = gap === ""; // "quen2.5": a name glued to its version
    if (KNOWN.has(w) || REAL_WORDS.has(w)) return word;
    const limit = w.length >= 7 ? 2 : 1;
    // A 4-letter name ("qwen", "bert", "grok") is too close to ordinary words ("best", "grow"): only an extra letter ("qwenn") counts.
    // A plural ("clips") is a word, not a typo.
    const comparable = (n: (typeof NAMES)[number]) => w !== `${n.name}s` && (n.name.length >= 5 || w.length === n.name.length + 1 || attached);
    const scored = NAMES.filter(comparable).map((n) => ({ ...n, d: editDistance(w, n.name, limit) })).filter((n) => n.d <= limit);
    const best = Math.min(...scored.map((n) => n.d));
    // The nearest family wins when it is the only one that near ("mistrall" is Mistral, not Mixtral).
    const close = [...new Map(scored.filter((n) => n.d === best).map((n) => [n.family, n])).values()];
    if (close.length === 1) {
      corrections.push({ typed: word, read: close[0].display });
      return close[0].name;
    }
    if (close.length > 1 && !ambiguous) ambiguous = { typed: word, options: close.map((n) => n.display) };
    return word;
  });
  const fixed = out.replace(TASK_WORD_RE, (word) => {
    const w = word.toLowerCase();
    if (TASK_WORDS.includes(w)) return word;
    // An inflection ("finetuned", "trainings") is a word, not a typo.
    if (TASK_WORDS.some((t) => w.startsWith(t) || t.startsWith(w))) return word;
    const hit = TASK_WORDS.filter((t) => editDistance(w, t, 1) <= 1);
    if (hit.length !== 1) return word;
    corrections.push({ typed: word, read: hit[0] });
    return hit[0];
  });
  return { text: fixed, corrections, ...(ambiguous ? { ambiguous } : {}) };
}
