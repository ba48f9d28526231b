/** Vector width stored in hf.card_chunks.embedding (vector(384)). */
export const EMBEDDING_DIMENSIONS = 384 as const;

/** Turns texts into 384-d unit vectors. One implementation per provider (local ONNX, OpenAI). */
export interface Embedder {
  /**
   * Identifies the model, e.g. "local:bert-random-384@1a2b3c4d" or "openai:text-embedding-3-small".
   * Stored in meta 'embedding_model'; a different id means stored vectors must be rebuilt.
   */
  id: string;
  dimensions: typeof EMBEDDING_DIMENSIONS;
  /** One vector per input, same order. */
  embed(texts: string[]): Promise<number[][]>;
}

/** The settings the embedders read (a subset of AppConfig). */
export interface EmbeddingSettings {
  embeddings: "local" | "openai" | "none";
  EMBEDDING_MODEL_DIR?: string;
  EMBEDDING_MODEL_ID: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_EMBED_MODEL: string;
}

/** Throws unless every vector is `dimensions` finite numbers; `who` names the embedder in the error. */
export function checkVectors(who: string, vectors: number[][], expected: number): number[][] {
  if (vectors.length !== expected) {
    throw new Error(`${who}: got ${vectors.length} vectors for ${expected} inputs`);
  }
  for (const v of vectors) {
    if (v.length !== EMBEDDING_DIMENSIONS) {
      throw new Error(`${who}: model returns ${v.length}-d vectors; the catalog stores ${EMBEDDING_DIMENSIONS}-d`);
    }
    if (!v.every(Number.isFinite)) throw new Error(`${who}: model returned a non-finite value`);
  }
  return vectors;
}
