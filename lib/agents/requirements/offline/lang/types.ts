/** A rewrite: every match of the pattern becomes the English the extractors read. */
export type Rule = [RegExp, string];

export type LanguageId = "en" | "es" | "de" | "fr" | "it" | "pt";

/**
 * One language's vocabulary for the offline engine. The extractors read English only; a pack says
 * how this language's cues are written in English.
 */
export interface LanguagePack {
  id: LanguageId;
  /** Function words and verbs that mark a message as this language (counted to detect it). */
  markers: RegExp;
  /**
   * Phrases that cannot mean anything else in another language, applied to every message (a
   * Spanish budget cue in an otherwise English reply is still read).
   */
  phrases: Rule[];
  /**
   * Short words other languages also use ("con", "sin", "avec", "elf", "mil"), applied only when
   * the message is detected as this language.
   */
  words: Rule[];
  /** Number words in this language, as English number words or digits (applied like `words`). */
  numbers: Rule[];
}

/** Place names (countries, areas) as rules: each pattern in this language → the English name the region reader knows. */
export function placeRules(names: Record<string, string>): Rule[] {
  return Object.entries(names).map(([re, en]) => [new RegExp(String.raw`(?<![\w-])(?:${re})(?![\w-])`, "gi"), en]);
}

/** A word-boundary pattern for a list of alternatives (already regex-escaped). */
export const anyOf = (alts: string[], flags = "gi"): RegExp => new RegExp(String.raw`\b(?:${alts.join("|")})\b`, flags);

/**
 * Number words → English number words, as rules: units and tens map one-to-one, and the scale word
 * ("mil", "tausend", "mille") becomes "thousand" after a number and "one thousand" alone, so the
 * English pass (normalize.ts numberWordsToDigits) turns "dos mil" and "mil" into 2000 and 1000.
 */
export function numberRules(words: Record<string, string>, scales: Record<string, string>): Rule[] {
  // In the order written: compounds that read earlier results ("two cents" → "two hundred") come last.
  const rules: Rule[] = Object.entries(words).map(([w, en]) => [new RegExp(String.raw`(?<![\w-])${w}(?![\w-])`, "gi"), en]);
  for (const [w, en] of Object.entries(scales)) {
    rules.push([new RegExp(String.raw`(?<=(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred))\s*)${w}(?![\w-])`, "gi"), en]);
    rules.push([new RegExp(String.raw`(?<![\w-])${w}(?![\w-])`, "gi"), `one ${en}`]);
  }
  return rules;
}
