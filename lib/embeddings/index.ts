import { createHash } from "node:crypto";
import type { Embedder, EmbeddingSettings } from "./types";

export type { Embedder, EmbeddingSettings } from "./types";
export { EMBEDDING_DIMENSIONS } from "./types";

const g = globalThis as unknown as { __stack8sEmbedders?: Map<string, Promise<Embedder | null>> };

/**
 * The embedder the settings name (null for EMBEDDINGS=none). Loaded once per distinct setting
 * and shared (a model load takes seconds); a failed load is not cached, so it is retried next call.
 */
export function getEmbedder(settings: EmbeddingSettings): Promise<Embedder | null> {
  const key = JSON.stringify([
    settings.embeddings, settings.EMBEDDING_MODEL_DIR, settings.EMBEDDING_MODEL_ID,
    settings.OPENAI_BASE_URL, settings.OPENAI_EMBED_MODEL, createHash("sha256").update(settings.OPENAI_API_KEY ?? "").digest("hex").slice(0, 12),
  ]);
  const cache = (g.__stack8sEmbedders ??= new Map());
  let p = cache.get(key);
  if (!p) {
    p = load(settings);
    cache.set(key, p);
    p.catch(() => cache.get(key) === p && cache.delete(key));
  }
  return p;
}

async function load(s: EmbeddingSettings): Promise<Embedder | null> {
  if (s.embeddings === "none") return null;
  if (s.embeddings === "openai") {
    const { createOpenAIEmbedder } = await import("./openai");
    return createOpenAIEmbedder({ apiKey: s.OPENAI_API_KEY, baseURL: s.OPENAI_BASE_URL, model: s.OPENAI_EMBED_MODEL });
  }
  const { createLocalEmbedder } = await import("./local");
  return createLocalEmbedder({ modelDir: s.EMBEDDING_MODEL_DIR, modelId: s.EMBEDDING_MODEL_ID });
}
