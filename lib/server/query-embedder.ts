import "server-only";
import type { DbHandle } from "@/db/client";
import { embeddingsReady } from "@/db/catalog/embed-job";
import { getEmbedder } from "@/lib/embeddings";
import { config } from "@/lib/config";
import type { QueryEmbedder } from "@/lib/tools/hf-search";

/**
 * Query vectors for hybrid retrieval, only when the stored chunk vectors come from the configured
 * model; otherwise the reason retrieval is full-text only.
 */
export function queryEmbedder(h: DbHandle): QueryEmbedder {
  return async (text) => {
    if (config().embeddings === "none") return { unavailable: "no embedding model configured (EMBEDDINGS=none)" };
    try {
      const embedder = await getEmbedder(config());
      if (!embedder) return { unavailable: "no embedding model configured" };
      if (!(await embeddingsReady(h, embedder.id))) return { unavailable: `card embeddings from ${embedder.id} are not ready yet` };
      const [vector] = await embedder.embed([text]);
      return { vector };
    } catch (err) {
      return { unavailable: `embedding model unavailable: ${(err as Error).message}` };
    }
  };
}
