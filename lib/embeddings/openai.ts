import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, type EmbeddingModel } from "ai";
import { checkVectors, EMBEDDING_DIMENSIONS, type Embedder } from "./types";

export interface OpenAIEmbedderOptions {
  apiKey?: string;
  baseURL?: string;
  /** OPENAI_EMBED_MODEL, e.g. text-embedding-3-small (must accept `dimensions`). */
  model: string;
  /** Inputs per request (default 96). */
  batchSize?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  /** For tests: a model instance to use instead of creating the OpenAI one. */
  embeddingModel?: EmbeddingModel;
  /** For tests: the fetch the provider uses. */
  fetch?: typeof globalThis.fetch;
}

/** Embeds through an OpenAI-compatible /embeddings endpoint, asking for 384 dimensions. */
export function createOpenAIEmbedder(opts: OpenAIEmbedderOptions): Embedder {
  const model =
    opts.embeddingModel ??
    createOpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL, fetch: opts.fetch }).embedding(opts.model);
  const id = `openai:${opts.model}`;
  const batchSize = Math.max(1, opts.batchSize ?? 96);
  return {
    id,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const { embeddings } = await embedMany({
          model,
          values: texts.slice(i, i + batchSize),
          maxRetries: 2,
          abortSignal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
          providerOptions: { openai: { dimensions: EMBEDDING_DIMENSIONS } },
        });
        out.push(...embeddings);
      }
      return checkVectors(id, out, texts.length);
    },
  };
}
