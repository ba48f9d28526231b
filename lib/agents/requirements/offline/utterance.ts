/**
 * One message, read once. `readUtterance` runs the single normalization pass (normalize.ts:
 * unicode, language detection, every language's cues and number words in English) and derives
 * the forms the field extractors read: the text, its lower case, the numeric form (thousands
 * stripped, number words as digits) and the tokens with their positions. Extractors take a
 * `Said` — an Utterance in the pipeline; a bare string (tests, option labels) is read on the spot.
 */
import type { LanguageId } from "./language";
import { normalizeText, numericForm, type NormalizedText } from "./normalize";
import { tokenize, type Token } from "./tokens";

export interface Utterance {
  /** The language the message was written in. */
  readonly language: LanguageId;
  /** Normalized: unicode-clean, other languages' cues in English; case kept. */
  readonly text: string;
  readonly lower: string;
  /** Lower case, thousands stripped ("10,000" → "10000"), number words as digits. */
  readonly numeric: string;
  /** Tokens of `text`, with offsets into it. */
  readonly tokens: readonly Token[];
}

export type Said = Utterance | string;

/** Builds the forms of already-normalized text (a clause of a message, or text after corrections). */
export function utteranceOf({ text, language }: NormalizedText): Utterance {
  return { language, text, lower: text.toLowerCase(), numeric: numericForm(text), tokens: tokenize(text) };
}

/** Reads a raw message: the one normalization pass, then its forms. */
export function readUtterance(raw: string): Utterance {
  return utteranceOf(normalizeText(raw));
}

/** The utterance of what was said: as is, or read now when it is a bare string. */
export function utterance(said: Said): Utterance {
  return typeof said === "string" ? readUtterance(said) : said;
}
