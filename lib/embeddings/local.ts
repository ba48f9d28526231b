import path from "node:path";
import { resolveModelDir } from "./model-dir";
import { checkVectors, EMBEDDING_DIMENSIONS, type Embedder } from "./types";

export interface LocalEmbedderOptions {
  /** EMBEDDING_MODEL_DIR: model folder, or a parent of model folders. Unset = download modelId. */
  modelDir?: string;
  /** EMBEDDING_MODEL_ID: Hub id to download, or the preferred sub-path under modelDir. */
  modelId: string;
  /** Texts per forward pass (default 16). */
  batchSize?: number;
  /** Give up loading after this long (default 120 s; each download request also times out after 15 s). */
  loadTimeoutMs?: number;
}

/** Characters kept per input before tokenising; the tokenizer then cuts to the model's max tokens. */
const MAX_CHARS = 8_000;
const FETCH_TIMEOUT_MS = 15_000;

interface Extractor {
  (texts: string[], o: { pooling: "mean"; normalize: true }): Promise<{ tolist(): unknown }>;
  tokenizer: { _tokenizerConfig?: { model_max_length?: number } };
  model: { config?: { max_position_embeddings?: number } };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Cap the tokenizer's max length at the model's position table (gte-small ships 1e30). */
function clampMaxLength(ex: Extractor) {
  const positions = ex.model.config?.max_position_embeddings ?? 512;
  const tc = ex.tokenizer._tokenizerConfig;
  if (tc && !(Number(tc.model_max_length) <= positions)) tc.model_max_length = positions;
}

/**
 * Load a sentence-embedding model with transformers.js (mean pooling, L2-normalised, 384-d).
 * With modelDir set nothing is fetched; without it the model is downloaded from the Hub,
 * which fails fast (and clearly) when there is no network.
 */
export async function createLocalEmbedder(opts: LocalEmbedderOptions): Promise<Embedder> {
  const { pipeline, env } = await import("@huggingface/transformers");
  const batchSize = Math.max(1, opts.batchSize ?? 16);
  let modelRef: string;
  let id: string;
  let dtype: "fp32" | "q8" = "fp32";
  if (opts.modelDir) {
    const m = resolveModelDir(opts.modelDir, opts.modelId);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = path.dirname(m.dir) + path.sep;
    // A plain folder name resolves under localModelPath; anything else is passed as a path.
    const name = path.basename(m.dir);
    modelRef = /^[\w.-]{1,96}$/.test(name) && !/\.\.|--/.test(name) ? name : m.dir;
    dtype = m.dtype;
    id = `local:${m.fingerprint}`;
  } else {
    env.allowRemoteModels = true;
    const baseFetch = globalThis.fetch;
    env.fetch = (input, init) =>
      baseFetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    modelRef = opts.modelId;
    id = `local:${opts.modelId}`;
  }

  let ex: Extractor;
  try {
    const loading = pipeline("feature-extraction", modelRef, { dtype }) as unknown as Promise<Extractor>;
    ex = await withTimeout(loading, opts.loadTimeoutMs ?? 120_000, "loading the embedding model");
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const hint = opts.modelDir
      ? `from ${opts.modelDir}`
      : `${opts.modelId} from the Hugging Face Hub (no network?). Set EMBEDDING_MODEL_DIR to a folder with the model files, or EMBEDDINGS=none`;
    throw new Error(`local embeddings: could not load ${hint}: ${why}`);
  }
  clampMaxLength(ex);

  // One forward pass at a time: ONNX Runtime already uses every core.
  let queue: Promise<unknown> = Promise.resolve();
  const run = (texts: string[]) => {
    const next = queue.then(async () => {
      const out = await ex(texts, { pooling: "mean", normalize: true });
      return out.tolist() as number[][];
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const embedder: Embedder = {
    id,
    dimensions: EMBEDDING_DIMENSIONS,
    async embed(texts) {
      // Sort by length inside the call so each batch pads to similar lengths; restore order after.
      const order = texts.map((_, i) => i).sort((a, b) => texts[a].length - texts[b].length);
      const out: number[][] = new Array(texts.length);
      for (let i = 0; i < order.length; i += batchSize) {
        const idx = order.slice(i, i + batchSize);
        const vecs = await run(idx.map((j) => texts[j].slice(0, MAX_CHARS)));
        idx.forEach((j, k) => (out[j] = vecs[k]));
      }
      return checkVectors(id, out, texts.length);
    },
  };
  // Fail at startup, not mid-job, when the model is not 384-d.
  await embedder.embed(["dimension check"]);
  return embedder;
}
