import type { Rule } from "./types";

/** A provider right after a negation ("sin AWS", "nicht auf Azure", "sauf GCP"): the lookahead. */
export const PROVIDER_AHEAD = String.raw`(?=aws|amazon|gcp|google|azure|microsoft|lambda|runpod|vast|oci|oracle|coreweave|paperspace)`;

const GPU_NAME = String.raw`(?:nvidia\s+)?(?:a100|a10g?|a6000|a30|a40|h100|h200|h20|b200|gh200|l4|l40s?|t4|v100|p100|k80|rtx|mi300x?|mi250x?|[0-9]{4}\b)`;

/**
 * Rules of every language, applied first:
 * - thousands written with a dot before a currency ("10.000 €", "1.500 dólares"): the dot goes;
 * - "una sola A100", "eine H100", "une L40S" → "a single …"; "A100 de 80GB" / "mit 80 GB" → "A100 80GB";
 * - a size of data with its preposition ("40GB de datos", "500 GB an Daten") → "of".
 */
export const SHARED_RULES: Rule[] = [
  [/\b(\d{1,3})\.(\d{3})(?=\s*(?:€|eur|euros?|d[oó]lares|dollars?|\$|usd)\b|\s*€)/gi, "$1$2"],
  [new RegExp(String.raw`\b(?:una\s+sola|un\s+solo|una|un|une\s+seule|une|eine[rnms]?|ein|uma|um)\s+(?=${GPU_NAME})`, "gi"), "a single "],
  [new RegExp(String.raw`(${GPU_NAME}[\w-]*)\s+(?:de|mit|avec|con|com)\s+(?=\d+\s*gb)`, "gi"), "$1 "],
  [/(\d\s*(?:[gtp]b|gigabytes?|terabytes?))\s+(?:de|an|von|di)\s+/gi, "$1 of "],
];
