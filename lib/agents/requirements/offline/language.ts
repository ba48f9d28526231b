/**
 * Spanish, German and French phrasings of the cues the extractors read, rewritten to the English
 * words they already understand: money ("500 dólares al mes", "800 € pro Monat", "300 euros par
 * mois"), budgets ("presupuesto", "Haushalt"), GPUs with their memory ("2 GPUs de 24GB", "2 GPUs mit
 * 24 GB") and negations ("no LoRA", "kein LoRA", "pas de LoRA"). Only whole phrases that cannot mean
 * anything else are rewritten (never a bare "de", which is also Germany's region code). One table
 * per language: the place where the offline engine's vocabulary for that language lives.
 */

type Rule = [RegExp, string];

/** Thousands written with a dot before a currency ("10.000 €", "1.500 dólares"): the dot goes. */
const THOUSANDS: Rule = [/\b(\d{1,3})\.(\d{3})(?=\s*(?:€|eur|euros?|d[oó]lares|dollars?|\$|usd)\b|\s*€)/gi, "$1$2"];

/** "not on AWS", "nicht auf Azure", "pas sur GCP", "no en AWS": a provider ruled out. */
const PROVIDERS = String.raw`(?=aws|amazon|gcp|google|azure|microsoft|lambda|runpod|vast|oci|oracle|coreweave|paperspace)`;

const ES: Rule[] = [
  [/\b(?:ajuste\s+fino|afinar|afinamiento|re-?entrenar\s+(?:un|el)\s+modelo\s+pre-?entrenado)\b/gi, "fine-tune"],
  [/\bentrenar\b|\bentrenamiento\b/gi, "train"],
  [/\bdetecci[oó]n\s+de\s+objetos\b/gi, "object detection"],
  [/\ben\s+europa\b/gi, "in Europe"],
  [new RegExp(String.raw`\b(?:no\s+en|sin|excepto|menos)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\bd[oó]lares\b/gi, "dollars"],
  [/\bpresupuesto(?:\s+de)?\b/gi, "budget"],
  [/\b(?:al|por|cada)\s+mes\b|\bmensual(?:es)?\b/gi, "per month"],
  [/\b(?:por|la|cada)\s+hora\b/gi, "per hour"],
  [/\b(?:al|por)\s+d[ií]a\b|\bdiari[oa]s?\b/gi, "per day"],
  [/\bgpus?\s+de\s+(?=\d)/gi, "GPUs of "],
  [/\bsin\s+(?=lora|qlora|cuantizaci)/gi, "without "],
];

const DE: Rule[] = [
  [/\b(?:feinabstimm(?:en|ung)|feintun(?:en|ing)|nachtrainieren)\b/gi, "fine-tune"],
  [/\btrainieren\b/gi, "train"],
  [/\bobjekterkennung\b/gi, "object detection"],
  [/\bin\s+europa\b/gi, "in Europe"],
  [new RegExp(String.raw`\b(?:nicht\s+(?:auf|bei|in)|ohne|au(?:ß|ss)er)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\bhaushalt\b/gi, "budget"],
  [/\b(?:pro|im|je|monatlich(?:es)?\s+)\s*monat\b|\bmonatlich\b/gi, "per month"],
  [/\b(?:pro|je)\s+stunde\b|\bstündlich\b/gi, "per hour"],
  [/\b(?:pro|je)\s+tag\b|\btäglich\b/gi, "per day"],
  [/\bgpus?\s+mit\s+(?=\d)/gi, "GPUs of "],
  [/\bkein(?:e|en)?\s+(?=lora|qlora|quantisierung)/gi, "no "],
];

const FR: Rule[] = [
  [/\b(?:affiner|réglage\s+fin|ajustement\s+fin|fine-tuner)\b/gi, "fine-tune"],
  [/\bentra[iî]ner\b|\bentra[iî]nement\b/gi, "train"],
  [/\bd[ée]tection\s+d['’]objets\b/gi, "object detection"],
  [/\ben\s+europe\b/gi, "in Europe"],
  [new RegExp(String.raw`\b(?:pas\s+(?:sur|chez)|sauf|hors)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\bpar\s+mois\b|\bmensuel(?:le)?s?\b/gi, "per month"],
  [/\bpar\s+heure\b/gi, "per hour"],
  [/\bpar\s+jour\b/gi, "per day"],
  [/\bgpus?\s+de\s+(?=\d)/gi, "GPUs of "],
  [/\bpas\s+de\s+(?=lora|qlora)/gi, "no "],
  [/\bsans\s+(?=lora|qlora)/gi, "without "],
];

const RULES: Rule[] = [THOUSANDS, ...ES, ...DE, ...FR];

/** The text with Spanish, German and French cue phrases in the English the extractors read. */
export function toEnglishCues(text: string): string {
  let t = text;
  for (const [re, to] of RULES) t = t.replace(re, to);
  return t;
}
