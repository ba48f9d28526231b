import type { DbHandle } from "@/db/client";
import { modelsByIds, modelsMatchingAll, type ModelRowOut } from "@/db/queries/models";
import { baseSearchName, officialQuantizedVariant, QUANTIZED_ID_PATTERN, type QuantizedCheckpoint } from "@/lib/search/checkpoint-variants";
import { andPrefixQuery, queryTokens } from "@/lib/search/text-query";
import type { ModelOption } from "@/lib/schemas/plan";
import { toModelOption } from "./hf-search";

/** A catalog model looked up by id: relevance 1 (it was asked for by name), popularity from the catalog. */
function asOption(row: ModelRowOut): ModelOption {
  const popularity = Math.max(0, Math.min(1, row.popularity));
  return toModelOption({ candidate: { id: row.id, row }, relevance: 1, popularity, score: 0.6 + 0.4 * popularity });
}

/** Catalog models by exact id, in the order asked. */
export async function lookupModels(h: DbHandle, ids: string[]): Promise<ModelOption[]> {
  const rows = await modelsByIds(h, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [asOption(byId.get(id)!)] : []));
}

export type QuantizedVariant = ModelOption & QuantizedCheckpoint;

/** Official quantized checkpoints of `baseId` in the catalog (see lib/search/checkpoint-variants.ts). */
export async function quantizedVariants(h: DbHandle, baseId: string): Promise<QuantizedVariant[]> {
  const tokens = queryTokens(baseSearchName(baseId), { keepStopwords: true });
  if (!tokens.length) return [];
  const rows = await modelsMatchingAll(h, { andQuery: andPrefixQuery(tokens), idPattern: QUANTIZED_ID_PATTERN, limit: 60 });
  return rows.flatMap((r) => {
    const q = officialQuantizedVariant(baseId, r.id);
    return q ? [{ ...asOption(r), ...q }] : [];
  });
}
