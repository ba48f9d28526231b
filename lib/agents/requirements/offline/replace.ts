/**
 * Follow-up corrections: whether a turn REPLACES earlier values or adds to them.
 *   "Actually use GCP instead" / "switch to europe-west4" / "no, make it H100s" / "GCP only"
 *     → the providers / regions / GPU named here replace the earlier ones;
 *   "also consider Lambda" / "add GCP as well" → they are added (the default for lists).
 * And the old value in "GCP instead of AWS", "rather than AWS", "switch from AWS to GCP",
 * "replace the A100s with H100s", "change the budget from $500 to $2000" is blanked out so no
 * extractor reads it as a wish.
 *
 * Grammar (on the cleaned, lower-cased text; the blanking keeps offsets and case):
 *   OLD      := (on|in|the|a|an|using|use|with)* WORDS, up to a clause break or a linking word
 *   dropped  := ("instead of" | "rather than" | "in place of" | "as opposed to") OLD
 *             | CHANGE-VERB … "from" OLD "to"   | "replace" OLD ("with"|"by")   | "swap" OLD "for"
 *   segment  := the text between clause breaks (. ; ! ? newline , "and" "but")
 *   A field (providers, regions, gpu, model, tools) is replaced when a segment that names it has a
 *   replacement cue — or the turn opens with a correction ("actually", "no,", "wait") — and no
 *   segment that names it has an addition cue ("also", "too", "as well", "add", "plus").
 * Scalars (budget, precision, context, task) always take the later value; see merge.ts.
 */
import { extractGpu } from "./gpu";
import { extractModel } from "./models";
import { utterance, utteranceOf, type Said } from "./utterance";
import type { LanguageId } from "./language";
import { extractProviders } from "./providers";
import { extractRegions } from "./regions";
import { extractTools } from "./tools";
import type { ReplaceField } from "../types";

export type { ReplaceField };
export const REPLACEABLE_FIELDS: readonly ReplaceField[] = ["providers", "regions", "gpu", "model", "tools"];

export interface ReplaceReading {
  /** The cleaned text with the replaced (old) values blanked out; same length, case kept. */
  text: string;
  /** List-like fields this text replaces instead of extending. */
  fields: ReplaceField[];
  /** The blanked-out old values, as written ("AWS", "the A100s"). */
  dropped: string[];
  /**
   * The clauses that carry a replacement cue ("… but want to switch to H100s"), joined; null when
   * none. Single-value extractors (model, GPU, precision) prefer what these name over the first
   * mention in the whole text ("we use A100s but want to switch to H100s" → H100).
   */
  focus: string | null;
}

/** Words that end an old value ("instead of AWS in eu-west-1": "in" starts the new wish). */
const STOP = String.raw`(?:and|but|or|for|to|with|because|since|as|so|then|please|use|using|go|switch|on|in|at|now|instead|rather|if|which|that)`;
/** A run of words inside one clause: dots only inside tokens ("3.1"), not as a sentence end. */
const OLD = String.raw`(?:(?:on|in|the|a|an|using|use|with)\s+)*(?<old>(?:[^,;!?\n.]|\.(?=\S))+?)(?=\s*(?:[,;!?\n]|\.(?:\s|$)|$)|\s+${STOP}\b)`;

const DROPPED: RegExp[] = [
  new RegExp(String.raw`\b(?:instead\s+of|rather\s+than|in\s+place\s+of|as\s+opposed\s+to)\s+${OLD}`, "g"),
  new RegExp(
    String.raw`\b(?:switch(?:ing|ed)?|mov(?:e|ing|ed)|migrat(?:e|ing|ed)|chang(?:e|ing|ed)|go(?:ing)?|upgrad(?:e|ing|ed)|downgrad(?:e|ing|ed)|bump(?:ing|ed)?|rais(?:e|ing|ed)|lower(?:ing|ed)?|increas(?:e|ing|ed)|decreas(?:e|ing|ed)|reduc(?:e|ing|ed)|cut(?:ting)?)\b[^.;!?\n]{0,40}?\bfrom\s+(?<old>[^.;!?\n]+?)(?=\s+to\b)`,
    "g",
  ),
  /\breplac(?:e|ing)\s+(?<old>[^.;!?\n]+?)(?=\s+(?:with|by)\b)/g,
  /\bswap(?:ping)?\s+(?:out\s+)?(?<old>[^.;!?\n]+?)(?=\s+for\b)/g,
];

const REPLACE_CUE =
  /\b(?:instead|rather|switch(?:ed|ing)?|chang(?:e|ed|ing)|mov(?:e|ed|ing)|migrat(?:e|ed|ing)|replac(?:e|ed|ing)|swap(?:ped|ping)?|make\s+(?:it|that|them|this)|go\s+with|only|just|exclusively|solely|correction|scratch\s+that|on\s+second\s+thought|i\s+meant|prefer)\b/;
const TURN_CORRECTION = /^\s*(?:(?:hmm+|well|oh|ok(?:ay)?)\s*,?\s*)?(?:actually\b|correction\b|scratch\s+that\b|on\s+second\s+thought\b|i\s+changed\s+my\s+mind\b|(?:no|nope|nah|wait|sorry|oops)\s*[,.!;:-])/;
const ADD_CUE = /\b(?:also|too|as\s+well|additionally|add|adding|plus|in\s+addition|both|another|keep|include|including|either|more\s+options?)\b/;

const SEGMENT_BREAK = /[.;!?\n]+(?=\s|$)|[;!?\n,]|\s(?:and|but)\s/g;

function mentions(field: ReplaceField, text: string, language: LanguageId): boolean {
  // A clause of an already-normalized message: its forms, not a second normalization.
  const segment = utteranceOf({ text, language });
  switch (field) {
    case "providers":
      return extractProviders(segment).providers.length > 0;
    case "regions": {
      const r = extractRegions(segment);
      return r.regions.length > 0 || (r.intent?.areas.length ?? 0) > 0;
    }
    case "gpu":
      return !!extractGpu(segment).gpu?.model;
    case "model": {
      const m = extractModel(segment).model;
      return !!(m?.name || m?.hf_id);
    }
    case "tools":
      return extractTools(segment).tools.length > 0;
  }
}

export function readReplacements(said: Said): ReplaceReading {
  const u = utterance(said);
  const clean = u.text;
  const lower = clean.toLowerCase();
  // toLowerCase keeps the length for everything but a few exotic letters; then work lower-cased.
  let text = lower.length === clean.length ? clean : lower;
  const dropped: string[] = [];
  for (const re of DROPPED) {
    for (const m of lower.matchAll(new RegExp(re.source, re.flags))) {
      const old = m.groups?.old;
      if (!old || !old.trim()) continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(old);
      dropped.push(text.slice(start, start + old.length).trim());
      text = text.slice(0, start) + " ".repeat(old.length) + text.slice(start + old.length);
    }
  }
  const masked = text.toLowerCase();
  const turnCorrection = TURN_CORRECTION.test(masked);
  const segments: { raw: string; lower: string }[] = [];
  let last = 0;
  for (const m of masked.matchAll(SEGMENT_BREAK)) {
    const end = m.index ?? 0;
    segments.push({ raw: text.slice(last, end), lower: masked.slice(last, end) });
    last = end + m[0].length;
  }
  segments.push({ raw: text.slice(last), lower: masked.slice(last) });
  const anyDropped = dropped.length > 0;
  const fields: ReplaceField[] = [];
  for (const field of REPLACEABLE_FIELDS) {
    const named = segments.filter((s) => s.lower.trim() && mentions(field, s.raw, u.language));
    if (!named.length) continue;
    if (named.some((s) => ADD_CUE.test(s.lower))) continue;
    const cue = turnCorrection || named.some((s) => REPLACE_CUE.test(s.lower)) || (anyDropped && dropped.some((d) => mentions(field, d, u.language)));
    if (cue) fields.push(field);
  }
  const cued = segments.filter((s) => REPLACE_CUE.test(s.lower) && !ADD_CUE.test(s.lower)).map((s) => s.raw.trim());
  return { text, fields, dropped, focus: cued.length ? cued.join(". ") : null };
}
