import type { ModelRow } from "@/db/schema/hf";
import { asObject, bool, int, requiredStr, str, strArr, type RawObject } from "../fields";

/**
 * Selection rule for hf.models (models.jsonl has 100,047 rows, many of them bare
 * 2023 ids with nothing but a zero download count).
 *
 * A model is kept when it has at least one signal we can use:
 *   - a card in cards.jsonl.gz (`card_ids` non-empty), or
 *   - downloads > 0 (any snapshot), or
 *   - likes > 0 (any snapshot), or
 *   - a parameter count (`params`, or the name heuristic `params_est_from_name`).
 *
 * On the shipped data this keeps 67,990 of 100,047 models. `removed` (deleted from
 * the Hub, per radar) is not a drop criterion here.
 */
export function keepModel(obj: unknown): boolean {
  const o = asObject(obj, "models.jsonl");
  return (
    strArr(o, "card_ids").length > 0 ||
    (int(o, "downloads") ?? 0) > 0 ||
    (int(o, "likes") ?? 0) > 0 ||
    (int(o, "params") ?? 0) > 0 ||
    (int(o, "params_est_from_name") ?? 0) > 0
  );
}

/** Real params when known, else the name-parsed estimate (flagged). */
function paramsOf(o: RawObject): { params: number | null; paramsEstimated: boolean } {
  const real = int(o, "params");
  if (real !== null && real > 0) return { params: real, paramsEstimated: false };
  const est = int(o, "params_est_from_name");
  if (est !== null && est > 0) return { params: est, paramsEstimated: true };
  return { params: null, paramsEstimated: false };
}

/**
 * Map one models.jsonl object to an hf.models insert row. `popularity` is left at 0:
 * it needs every row (see popularity.ts) and is filled in by the loader.
 * `hasCard` is true when the Hub reported a card OR we ship at least one card text.
 */
export function parseModelLine(obj: unknown): ModelRow {
  const o = asObject(obj, "models.jsonl");
  const id = requiredStr(o, "id", "models.jsonl");
  const downloads = int(o, "downloads");
  const likes = int(o, "likes");
  return {
    id,
    author: str(o, "author") ?? (id.includes("/") ? id.split("/")[0] : null),
    pipelineTag: str(o, "pipeline_tag"),
    libraryName: str(o, "library_name"),
    tags: strArr(o, "tags"),
    license: str(o, "license"),
    downloads,
    downloadsAsOf: downloads === null ? null : str(o, "downloads_as_of"),
    likes,
    likesAsOf: likes === null ? null : str(o, "likes_as_of"),
    ...paramsOf(o),
    contextLength: int(o, "context_length"),
    gated: bool(o, "gated"),
    createdAt: str(o, "created_at"),
    lastModified: str(o, "last_modified"),
    baseModel: str(o, "base_model"),
    architecture: str(o, "architecture"),
    modelType: str(o, "model_type"),
    moe: bool(o, "moe"),
    description: str(o, "description"),
    hasCard: bool(o, "has_card") === true || strArr(o, "card_ids").length > 0,
    trendingScore: int(o, "trending_score"),
    recommendedForTasks: strArr(o, "recommended_for_tasks"),
    popularity: 0,
  };
}
