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
  [new RegExp(String.raw`\b(?:(?:y\s+)?que\s+no\s+sea\s+(?:en|con)|no\s+en|no\s+con|sin|excepto|menos|fuera\s+de)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\b(?:procesamiento|proceso|inferencia)\s+(?:por|en)\s+lotes\b|\bpor\s+lotes\b/gi, "batch processing"],
  [/\bnada\s+de\b|\bning[uú]n(?:a)?\b/gi, "no"],
  [/\bsin\b/gi, "without"],
  [/\bcon\b/gi, "with"],
  [/\bd[oó]lares\b/gi, "dollars"],
  [/\bpresupuesto(?:\s+de)?\b/gi, "budget"],
  [/\b(?:al|por|cada)\s+mes\b|\bmensual(?:es)?\b/gi, "per month"],
  [/\b(?:por|la|cada)\s+hora\b/gi, "per hour"],
  [/\b(?:al|por)\s+d[ií]a\b|\bdiari[oa]s?\b/gi, "per day"],
  [/\bgpus?\s+de\s+(?=\d)/gi, "GPUs of "],
];

const DE: Rule[] = [
  [/\b(?:feinabstimm(?:en|ung)|feintun(?:en|ing)|nachtrainieren)\b/gi, "fine-tune"],
  [/\btrainieren\b/gi, "train"],
  [/\bobjekterkennung\b/gi, "object detection"],
  [/\bin\s+europa\b/gi, "in Europe"],
  [new RegExp(String.raw`\b(?:nicht\s+(?:auf|bei|in|mit)|ohne|au(?:ß|ss)er)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\bstapelverarbeitung\b/gi, "batch processing"],
  [/\bhaushalt\b/gi, "budget"],
  [/\b(?:pro|im|je|monatlich(?:es)?\s+)\s*monat\b|\bmonatlich\b/gi, "per month"],
  [/\b(?:pro|je)\s+stunde\b|\bstündlich\b/gi, "per hour"],
  [/\b(?:pro|je)\s+tag\b|\btäglich\b/gi, "per day"],
  [/\bgpus?\s+mit\s+(?=\d)/gi, "GPUs of "],
  [/\bkein(?:e|en|er|em)?\b/gi, "no"],
];

const FR: Rule[] = [
  [/\b(?:affiner|réglage\s+fin|ajustement\s+fin|fine-tuner)\b/gi, "fine-tune"],
  [/\bentra[iî]ner\b|\bentra[iî]nement\b/gi, "train"],
  [/\bd[ée]tection\s+d['’]objets\b/gi, "object detection"],
  [/\ben\s+europe\b/gi, "in Europe"],
  [new RegExp(String.raw`\b(?:pas\s+(?:sur|chez|avec)|(?:tout\s+)?sauf|hors|sans)\s+${PROVIDERS}`, "gi"), "not on "],
  [/\btraitement\s+par\s+lots\b|\bpar\s+lots\b|\ben\s+lots?\b/gi, "batch processing"],
  [/\bpar\s+mois\b|\bmensuel(?:le)?s?\b/gi, "per month"],
  [/\bpar\s+heure\b/gi, "per hour"],
  [/\bpar\s+jour\b/gi, "per day"],
  [/\bgpus?\s+de\s+(?=\d)/gi, "GPUs of "],
  [/\bpas\s+d['’]\s*|\bpas\s+de\b/gi, "no "],
  [/\bsans\b/gi, "without"],
  [/\bavec\b/gi, "with"],
];

const GPU_NAME = String.raw`(?:nvidia\s+)?(?:a100|a10g?|a6000|a30|a40|h100|h200|h20|b200|gh200|l4|l40s?|t4|v100|p100|k80|rtx|mi300x?|mi250x?|[0-9]{4}\b)`;

/** "una sola A100", "eine H100", "einer L4", "une L40S" → "a single …"; "A100 de 80GB" → "A100 80GB". */
const GPU_RULES: Rule[] = [
  [new RegExp(String.raw`\b(?:una\s+sola|un\s+solo|una|un|une\s+seule|une|eine[rnms]?|ein)\s+(?=${GPU_NAME})`, "gi"), "a single "],
  [new RegExp(String.raw`(${GPU_NAME}[\w-]*)\s+(?:de|mit|avec)\s+(?=\d+\s*gb)`, "gi"), "$1 "],
];

const RULES: Rule[] = [THOUSANDS, ...GPU_RULES, ...ES, ...DE, ...FR];

/** The text with Spanish, German and French cue phrases in the English the extractors read. */
export function toEnglishCues(text: string): string {
  let t = text;
  for (const [re, to] of RULES) t = t.replace(re, to);
  return t;
}
