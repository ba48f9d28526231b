import { createHash } from "node:crypto";
import type { CardCanonRow } from "@/db/schema/hf";
import { asObject, requiredStr, str, strArr } from "../fields";

export interface CardLink {
  modelId: string;
  cardId: string;
}

export interface ParsedCard {
  canon: CardCanonRow;
  /** Links to kept models only (deduplicated, canonical model-id casing). */
  links: CardLink[];
}

/**
 * Kept model ids, keyed by lower-cased id. cards.jsonl's `model_ids` keep the casing
 * of the source that supplied the card (e.g. `EleutherAI/gpt-j-6B`) while models.jsonl
 * merged ids case-insensitively (`EleutherAI/gpt-j-6b`); resolving through this index
 * reproduces models.jsonl's `card_ids` exactly.
 */
export type KeptModelIndex = ReadonlyMap<string, string>;

export function keptModelIndex(keptIds: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const id of keptIds) index.set(id.toLowerCase(), id);
  return index;
}

/**
 * Python's `str.split()` whitespace (what the upstream build used): like JS `\s` but
 * with U+001C–U+001F and U+0085, and without U+FEFF (BOM).
 */
const PY_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Whitespace normalisation used for card dedup upstream (runs of whitespace → one space, trimmed). */
export function normalizeCardText(text: string): string {
  return text.replace(PY_WHITESPACE, " ").replace(/^ | $/g, "");
}

/** Full SHA-256 hex of the normalised text; its first 16 chars equal upstream `card_id`. */
export function cardHash(text: string): string {
  return createHash("sha256").update(normalizeCardText(text), "utf8").digest("hex");
}

export function parseCardLine(obj: unknown, kept: KeptModelIndex): ParsedCard {
  const o = asObject(obj, "cards.jsonl");
  const id = requiredStr(o, "card_id", "cards.jsonl");
  const text = typeof o.text === "string" ? o.text : "";
  const canon: CardCanonRow = {
    id,
    hash: cardHash(text),
    kind: requiredStr(o, "kind", "cards.jsonl"),
    lang: str(o, "lang") ?? "en",
    source: str(o, "source"),
    text,
  };
  const seen = new Set<string>();
  const links: CardLink[] = [];
  for (const raw of strArr(o, "model_ids")) {
    const modelId = kept.get(raw.toLowerCase());
    if (modelId === undefined || seen.has(modelId)) continue;
    seen.add(modelId);
    links.push({ modelId, cardId: id });
  }
  return { canon, links };
}

/** A card is loaded only when at least one kept model links to it. */
export function keepCard(card: ParsedCard): boolean {
  return card.links.length > 0;
}
