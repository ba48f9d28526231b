/**
 * Names typed with a typo, read as the one name they are close to (fuzzy.ts), and the reading is
 * stated:
 * - model families before a version, size or variant word ("lama 3.1 8b", "mistrall 7b", "whsiper
 *   large"); a word as near to two families is asked ("which did you mean?"), never guessed;
 * - task words ("infernce", "finetunning");
 * - tools ("kubeflwo", "promethues", "jupyterhbu", "qdarnt");
 * - GPU words and codes ("nvdia", "A1OO" with letter O's for zeros).
 * Only the vocabularies are compared (a few hundred names), never the catalog's 67k models. Words
 * inside repo ids, paths and file names are never touched.
 */
import { FAMILIES } from "./model-vocab";
import { GPUS } from "./gpu-vocab";
import { TOOLS } from "./tools";
import { editDistance, fuzzyMatch, type VocabName } from "./fuzzy";

export { editDistance };

/** Single-word family names (heads) of at least 4 letters, lower case. */
const FAMILY_NAMES: VocabName<string>[] = FAMILIES.flatMap((f) =>
  f.heads.filter((h) => h.seq.length === 1 && /^[a-z]{4,}$/.test(h.seq[0])).map((h) => ({ name: h.seq[0], key: f.id, value: f.display })),
);

/** Tool names of 6+ letters, as the tool regexes accept them whole (shorter ones are too close to words). */
const TOOL_NAMES: VocabName<string>[] = [
  ...TOOLS.map(([id]) => id).filter((id) => /^[a-z]{6,}$/.test(id)),
  "kuberay", "jupyter", "postgresql",
].map((name) => ({ name, key: name, value: name }));

/** GPU words of 6+ letters that the GPU reader uses as context ("nvidia 4090"). */
const GPU_WORDS: VocabName<string>[] = ["nvidia", "geforce"].map((name) => ({ name, key: name, value: name }));

/** Real words one edit from a vocabulary name that must never be read as one. */
const REAL_WORDS = new Set([
  "lame", "lamb", "lamp", "llamas", "mamba", "blood", "gloom", "polar", "sonar", "holly", "jolly", "molly", "dolls", "blimp", "solo", "polo",
  "queen", "gamma", "gemma", "flux", "phil", "whisper", "falcon", "mistral", "opus", "alpaca", "vicuna", "orca",
  "seldom", "minion", "chrome", "sparks", "volcanos", "grafting",
]);

export interface TypoReading {
  /** The text with each confident correction applied. */
  text: string;
  corrections: { typed: string; read: string }[];
  /** A word as close to several families: ask which. */
  ambiguous?: { typed: string; options: string[] };
}

/** A word followed by what model names are followed by: a version/size ("3.1", "8b", "v3") or a size word. */
const MODEL_CANDIDATE = /\b([a-z]{4,})(?=([\s-]*)(?:[a-z]?\d[\w.]*|large|medium|small|base|tiny|turbo|instruct|xl)\b)/gi;

/** Whole words only, never inside a repo id, path or file name. */
const WORD = (min: number) => new RegExp(String.raw`(?<![\w./-])[a-z]{${min},}(?![\w./-])`, "gi");

/** Endings that make a name an ordinary inflected word. */
const INFLECTION = /^(?:s|es|d|ed|ing|er|ers)$/;

/** Words of a sentence (tasks, tools, GPU words) need one edit per 5 letters at most: 0.8. */
const WORD_CONFIDENCE = 0.8;

/** Task words typed with a typo ("infernce", "finetunning"): words of 7+ letters only. */
const TASK_WORDS: VocabName<string>[] = ["inference", "training", "finetuning", "fine-tuning", "finetune", "deployment", "transcription", "embeddings"].map(
  (name) => ({ name, key: name, value: name }),
);

/** GPU codes with letter O's for zeros ("A1OO", "h1oo", "l4o"), when the digits name a known GPU. */
const GPU_CODE_WITH_OS = /(?<![\w./-])([a-z]{1,3})([0-9o]{2,4})([a-z]?)(?![\w./-])/gi;

function modelTypos(text: string, corrections: TypoReading["corrections"]): { text: string; ambiguous?: TypoReading["ambiguous"] } {
  let ambiguous: TypoReading["ambiguous"];
  const out = text.replace(MODEL_CANDIDATE, (word, _w: string, gap: string) => {
    if (REAL_WORDS.has(word.toLowerCase())) return word;
    const attached = gap === ""; // "quen2.5": a name glued to its version
    // A 4-letter name ("qwen", "bert", "grok") is too close to ordinary words ("best", "grow"): only an extra letter ("qwenn") counts.
    const r = fuzzyMatch(word, FAMILY_NAMES, (n) => n.name.length >= 5 || word.length === n.name.length + 1 || attached);
    if (r.kind === "match") {
      corrections.push({ typed: word, read: r.hit.value });
      return r.hit.name;
    }
    if (r.kind === "ambiguous" && !ambiguous) ambiguous = { typed: word, options: r.hits.map((h) => h.value) };
    return word;
  });
  return { text: out, ...(ambiguous ? { ambiguous } : {}) };
}

function wordTypos(text: string, vocab: VocabName<string>[], min: number, corrections: TypoReading["corrections"]): string {
  return text.replace(WORD(min), (word) => {
    const w = word.toLowerCase();
    if (REAL_WORDS.has(w)) return word;
    // An inflection ("finetuned", "trainings") or a word inside a name ("vector" in "pgvector", "train") is a word, not a typo.
    if (vocab.some((n) => n.name.includes(w) || (w.startsWith(n.name) && INFLECTION.test(w.slice(n.name.length))))) return word;
    const r = fuzzyMatch(w, vocab, undefined, WORD_CONFIDENCE);
    if (r.kind !== "match") return word;
    corrections.push({ typed: word, read: r.hit.value });
    return r.hit.name;
  });
}

function gpuCodeTypos(text: string, corrections: TypoReading["corrections"]): string {
  return text.replace(GPU_CODE_WITH_OS, (word, prefix: string, digits: string, suffix: string) => {
    if (!/o/i.test(digits) || !/\d/.test(digits)) return word;
    const fixed = `${prefix}${digits.replace(/o/gi, "0")}${suffix}`;
    const gpu = GPUS.find((g) => new RegExp(g.re.source, "i").test(fixed.toLowerCase()));
    if (!gpu) return word;
    corrections.push({ typed: word, read: gpu.id });
    return fixed;
  });
}

/** Reads the typos of a normalized message (normalize.ts). */
export function readTypos(text: string): TypoReading {
  const corrections: TypoReading["corrections"] = [];
  const models = modelTypos(text, corrections);
  let t = wordTypos(models.text, TASK_WORDS, 7, corrections);
  t = wordTypos(t, TOOL_NAMES, 6, corrections);
  t = wordTypos(t, GPU_WORDS, 5, corrections);
  t = gpuCodeTypos(t, corrections);
  return { text: t, corrections, ...(models.ambiguous ? { ambiguous: models.ambiguous } : {}) };
}
