/**
 * Which language a message is written in, and its cue phrases in the English the extractors read:
 * money ("500 dólares al mes", "800 € pro Monat", "300 euros par mois"), budgets, tasks, GPUs with
 * their memory, users and rates, negations ("sin LoRA", "kein LoRA", "pas de LoRA") and number
 * words ("dos GPUs", "zwei H100", "cinq mille euros"). Each language's vocabulary lives in its own
 * pack (lang/*.ts). Phrases that cannot mean anything else apply to every message; short words
 * that other languages share ("con", "mit", "elf", "mil") apply only in the detected language.
 */
import { DE } from "./lang/de";
import { EN } from "./lang/en";
import { ES } from "./lang/es";
import { FR } from "./lang/fr";
import { IT } from "./lang/it";
import { PT } from "./lang/pt";
import { SHARED_RULES } from "./lang/shared";
import type { LanguageId, LanguagePack, Rule } from "./lang/types";

export type { LanguageId };

const PACKS: LanguagePack[] = [EN, ES, DE, FR, IT, PT];
const PHRASES: Rule[] = [...SHARED_RULES, ...PACKS.flatMap((p) => p.phrases)];

const count = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/**
 * The language with the most marker words (function words and common verbs); English when none
 * leads. Accents count for the languages that use them ("dólares", "möchte", "déployer").
 */
export function detectLanguage(text: string): LanguageId {
  let best: LanguageId = "en";
  let bestScore = count(EN.markers, text);
  for (const p of PACKS) {
    if (p.id === "en") continue;
    const score = count(p.markers, text);
    if (score > bestScore) {
      best = p.id;
      bestScore = score;
    }
  }
  return best;
}

const apply = (text: string, rules: Rule[]) => rules.reduce((t, [re, to]) => t.replace(re, to), text);

/** The text with cue phrases (every language's) and the detected language's words and numbers in English. */
export function toEnglishCues(text: string, language: LanguageId = detectLanguage(text)): string {
  const pack = PACKS.find((p) => p.id === language);
  const t = apply(text, PHRASES);
  return pack ? apply(t, [...pack.words, ...pack.numbers]) : t;
}
