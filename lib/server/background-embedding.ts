import "server-only";
import type { DbHandle } from "@/db/client";
import { runEmbeddingJob } from "@/db/catalog/embed-job";
import { getEmbedder } from "@/lib/embeddings";
import { config } from "@/lib/config";

const g = globalThis as unknown as { __stack8sEmbedJob?: Promise<unknown> };

/**
 * After the catalog is ready, embed card chunks in the background (resumable; a model change
 * re-embeds everything). Progress is in meta and shown by /api/health.
 */
export function startBackgroundEmbedding(h: DbHandle): void {
  if (g.__stack8sEmbedJob || config().embeddings === "none") return;
  g.__stack8sEmbedJob = (async () => {
    const embedder = await getEmbedder(config());
    if (!embedder) return;
    console.log(`[embeddings] embedding card chunks with ${embedder.id} in the background`);
    let last = 0;
    const r = await runEmbeddingJob(h, embedder, {
      onProgress: (done, total) => {
        if (done - last >= 5000 || done === total) {
          last = done;
          console.log(`[embeddings] ${done}/${total}`);
        }
      },
    });
    console.log(`[embeddings] ${r.state}: ${r.done}/${r.total} chunks`);
  })().catch((err) => {
    console.error(`[embeddings] stopped: ${(err as Error).message}`);
    g.__stack8sEmbedJob = undefined;
  });
}
