import "server-only";
import type { DbHandle } from "@/db/client";

/** Placeholder until the embedding job lands: no embeddings configured means nothing to do. */
export function startBackgroundEmbedding(_h: DbHandle): void {}
