/**
 * Text normalisation shared by the offline extractors: unicode clean-up, thousands separators,
 * and number words → digits. Pure functions; offsets of the result do NOT map to the input.
 */

import { detectLanguage, toEnglishCues, type LanguageId } from "./language";

const UNICODE_MAP: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-"],
  [/[\u00D7\u2715\u2716]/g, "x"],
  [/[\u00A0\u2007\u202F\u2009\u200A]/g, " "],
  [/\u2026/g, "..."],
  [/\u2265/g, ">="],
  [/\u2264/g, "<="],
];

export interface NormalizedText {
  /** Unicode-clean, other languages' cues in English; case kept. */
  text: string;
  /** The language the message was written in. */
  language: LanguageId;
}

/**
 * THE normalization pass of a message (utterance.ts builds on it): unicode clean-up, language
 * detection, and the language's cue phrases, words and number words in English (language.ts).
 */
export function normalizeText(raw: string): NormalizedText {
  let t = raw.normalize("NFKC");
  for (const [re, rep] of UNICODE_MAP) t = t.replace(re, rep);
  const language = detectLanguage(t);
  return { text: toEnglishCues(t, language), language };
}

/** The normalized text alone; for callers holding a bare string (tests, option labels). */
export function cleanText(text: string): string {
  return normalizeText(text).text;
}

/** "10,000" → "10000", "1,234,567" → "1234567" (only true thousands groups). */
export function stripThousands(text: string): string {
  let prev = "";
  let t = text;
  while (prev !== t) {
    prev = t;
    t = t.replace(/(\d),(\d{3})(?!\d)/g, "$1$2");
  }
  return t;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const NUM_WORD = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join("|");
const NUM_SEQ = new RegExp(`\\b(?:${NUM_WORD})(?:(?:[\\s-]+|\\s+and\\s+)(?:${NUM_WORD}))*\\b`, "gi");

/** Parses a run of English number words ("two hundred fifty") → 250; null when not a number. */
export function wordsToNumber(words: string): number | null {
  const parts = words.toLowerCase().split(/[\s-]+/).filter((w) => w && w !== "and");
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of parts) {
    if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w in TENS) {
      current += TENS[w];
      seen = true;
    } else if (w === "hundred") {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

/**
 * Replaces number words with digits: "two dollars an hour" → "2 dollars an hour",
 * "five hundred a month" → "500 a month". A lone "thousand"/"million"/"hundred" (as in
 * "3 thousand") is left for the magnitude parsers.
 */
export function numberWordsToDigits(text: string): string {
  // "a thousand dollars", "a hundred users": the article is the one.
  return text.replace(/\ban?\s+(?=(?:hundred|thousand|million)\b)/gi, "one ").replace(NUM_SEQ, (m) => {
    const lower = m.toLowerCase().trim();
    if (lower in SCALES) return m;
    const n = wordsToNumber(m);
    return n === null ? m : String(n);
  });
}

/** Already-normalized text, lower-case, with thousands stripped and number words as digits. */
export function numericForm(normalized: string): string {
  return numberWordsToDigits(stripThousands(normalized)).toLowerCase();
}

/** Words people use for a GPU count. */
export const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, "a single": 1, solo: 1,
  two: 2, dual: 2, "a pair of": 2, "pair of": 2, "a couple of": 2, "couple of": 2, twin: 2,
  three: 3, triple: 3, four: 4, quad: 4, five: 5, six: 6, eight: 8, octo: 8, ten: 10,
  twelve: 12, sixteen: 16, "thirty-two": 32, "thirty two": 32, "sixty-four": 64,
};

/** "8" → 8, "two" → 2, "a pair of" → 2; null otherwise. */
export function parseCount(word: string): number | null {
  const w = word.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^\d+$/.test(w)) return Number(w);
  return w in COUNT_WORDS ? COUNT_WORDS[w] : null;
}

/** Number with a magnitude suffix: ("1.5", "k") → 1500. */
export function applyMagnitude(num: number, mag: string | undefined | null): number {
  if (!mag) return num;
  const m = mag.toLowerCase();
  if (m === "k" || m === "thousand" || m === "grand") return num * 1000;
  if (m === "m" || m === "mm" || m === "million" || m === "mil") return num * 1_000_000;
  return num;
}

/** Rounds to at most `digits` decimals without float noise. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Formats a billions-of-params number as "70B", "1.5B", "350M". */
export function formatParams(b: number): string {
  if (b >= 1) return `${Number.isInteger(b) ? b : round(b, 1)}B`;
  return `${round(b * 1000, 0)}M`;
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
