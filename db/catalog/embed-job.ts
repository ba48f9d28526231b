import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { checkVectors, EMBEDDING_DIMENSIONS, type Embedder } from "@/lib/embeddings/types";

/**
 * Background, resumable embedding of hf.card_chunks.
 *
 * meta 'embedding_model'    = the embedder id (string) whose vectors are stored. A different
 *                             embedder first clears every stored vector: models are never mixed.
 * meta 'embedding_progress' = EmbeddingProgress, rewritten after each batch (read by /api/health).
 *
 * Retrieval policy (see embeddingsReady): use vectors when the stored model is the configured one
 * and at least one chunk has a vector. Chunks not yet embedded are still found by full-text
 * search, so hybrid retrieval works during a partial run; report the coverage (done/total).
 */

export type EmbeddingJobState = "running" | "done" | "stopped" | "error";

export interface EmbeddingProgress {
  done: number;
  total: number;
  model: string;
  state: EmbeddingJobState;
  error?: string;
}

export interface EmbeddingStatus {
  /** Embedder id of the stored vectors (meta), null before any run. */
  model: string | null;
  /** Chunks with a vector / all chunks, counted now. */
  done: number;
  total: number;
  /** Last recorded job state; "idle" when no job has run. */
  state: EmbeddingJobState | "idle";
  error?: string;
}

export interface EmbeddingJobOptions {
  /** Chunks per embed call and per UPDATE (default 32). */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export const MODEL_KEY = "embedding_model";
export const PROGRESS_KEY = "embedding_progress";

/** The text embedded for a chunk; queries against chunks use plain text. */
export function chunkEmbeddingInput(heading: string | null, text: string): string {
  return heading ? `${heading}\n${text}` : text;
}

export function toVectorLiteral(v: number[]): string {
  return `[${v.join(",")}]`;
}

async function readMeta<T>(h: DbHandle, key: string): Promise<T | null> {
  const rows = await h.query<{ value: T }>(sql`SELECT value FROM meta WHERE key = ${key}`);
  return rows[0]?.value ?? null;
}

async function writeMeta(h: DbHandle, key: string, value: unknown): Promise<void> {
  await h.query(sql`
    INSERT INTO meta (key, value, updated_at) VALUES (${key}, ${JSON.stringify(value)}::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`);
}

async function counts(h: DbHandle): Promise<{ done: number; total: number }> {
  const [r] = await h.query<{ done: number | string; total: number | string }>(
    sql`SELECT count(embedding) AS done, count(*) AS total FROM hf.card_chunks`,
  );
  return { done: Number(r.done), total: Number(r.total) };
}

/** Make the stored vectors belong to `model`: clear them when another (or an unknown) model wrote them. */
async function claimModel(h: DbHandle, model: string): Promise<void> {
  const stored = await readMeta<string>(h, MODEL_KEY);
  if (stored === model) return;
  // Clear before recording the new id, so a crash in between can never label old vectors as new.
  await h.query(sql`UPDATE hf.card_chunks SET embedding = NULL WHERE embedding IS NOT NULL`);
  await writeMeta(h, MODEL_KEY, model);
}

async function writeBatch(h: DbHandle, ids: number[], vectors: number[][]): Promise<void> {
  const values = sql.join(
    ids.map((id, i) => sql`(${id}::int, ${toVectorLiteral(vectors[i])})`),
    sql`, `,
  );
  await h.query(sql`
    UPDATE hf.card_chunks AS c SET embedding = v.e::vector
    FROM (VALUES ${values}) AS v(id, e) WHERE c.id = v.id`);
}

const running = new WeakMap<DbHandle, Promise<EmbeddingProgress>>();

/**
 * Embed every chunk whose embedding IS NULL, in id order, `batchSize` at a time. Safe to call
 * again after a stop or crash: it resumes. Runs one at a time per handle (a second call waits).
 * Returns the final progress; on error records state 'error' in meta and rethrows.
 */
export function runEmbeddingJob(h: DbHandle, embedder: Embedder, opts: EmbeddingJobOptions = {}): Promise<EmbeddingProgress> {
  const prev = running.get(h) ?? Promise.resolve();
  const job = prev.catch(() => undefined).then(() => embedAll(h, embedder, opts));
  running.set(h, job);
  job.finally(() => running.get(h) === job && running.delete(h)).catch(() => undefined);
  return job;
}

/** True while this process runs a job on `h`. */
export function embeddingJobRunning(h: DbHandle): boolean {
  return running.has(h);
}

async function embedAll(h: DbHandle, embedder: Embedder, opts: EmbeddingJobOptions): Promise<EmbeddingProgress> {
  if (embedder.dimensions !== EMBEDDING_DIMENSIONS) throw new Error(`embedder ${embedder.id} is not ${EMBEDDING_DIMENSIONS}-d`);
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const progress: EmbeddingProgress = { done: 0, total: 0, model: embedder.id, state: "running" };
  try {
    await claimModel(h, embedder.id);
    Object.assign(progress, await counts(h));
    await writeMeta(h, PROGRESS_KEY, progress);
    opts.onProgress?.(progress.done, progress.total);
    let lastId = 0;
    while (!opts.signal?.aborted) {
      const rows = await h.query<{ id: number; heading: string | null; text: string }>(sql`
        SELECT id, heading, text FROM hf.card_chunks
        WHERE embedding IS NULL AND id > ${lastId} ORDER BY id LIMIT ${batchSize}`);
      if (rows.length === 0) break;
      const inputs = rows.map((r) => chunkEmbeddingInput(r.heading, r.text));
      const vectors = checkVectors(embedder.id, await embedder.embed(inputs), inputs.length);
      const ids = rows.map((r) => Number(r.id));
      await writeBatch(h, ids, vectors);
      lastId = ids[ids.length - 1];
      // Count once at start and end; a full count per batch would rescan the table each time.
      progress.done = Math.min(progress.total, progress.done + ids.length);
      await writeMeta(h, PROGRESS_KEY, progress);
      opts.onProgress?.(progress.done, progress.total);
    }
    Object.assign(progress, await counts(h));
    progress.state = opts.signal?.aborted && progress.done < progress.total ? "stopped" : "done";
    await writeMeta(h, PROGRESS_KEY, progress);
    return progress;
  } catch (e) {
    progress.state = "error";
    progress.error = e instanceof Error ? e.message : String(e);
    await writeMeta(h, PROGRESS_KEY, progress).catch(() => undefined);
    throw e;
  }
}

/** Embedding state read from the database (counts are live; state is the last job's). */
export async function getEmbeddingStatus(h: DbHandle): Promise<EmbeddingStatus> {
  const [model, progress, c] = await Promise.all([
    readMeta<string>(h, MODEL_KEY),
    readMeta<EmbeddingProgress>(h, PROGRESS_KEY),
    counts(h),
  ]);
  const status: EmbeddingStatus = { model, ...c, state: progress?.state ?? "idle" };
  if (progress?.error) status.error = progress.error;
  return status;
}

/**
 * The embedding status without counting every chunk when it can be avoided (health checks): no
 * stored model means no vectors at all; a recorded job run carries its own counts. `totalChunks`
 * is the catalog's chunk count.
 */
export async function getEmbeddingStatusCheap(h: DbHandle, totalChunks: number): Promise<EmbeddingStatus> {
  const [model, progress] = await Promise.all([readMeta<string>(h, MODEL_KEY), readMeta<EmbeddingProgress>(h, PROGRESS_KEY)]);
  if (model === null && !progress) return { model: null, done: 0, total: totalChunks, state: "idle" };
  if (progress && progress.model === model && progress.state !== "running") {
    const status: EmbeddingStatus = { model, done: progress.done, total: progress.total, state: progress.state };
    if (progress.error) status.error = progress.error;
    return status;
  }
  return getEmbeddingStatus(h);
}

/**
 * Whether retrieval may use stored vectors for `embedderId`: the stored model is this one and
 * at least one chunk has a vector. Coverage may be partial; full-text search covers the rest.
 */
export async function embeddingsReady(h: DbHandle, embedderId: string): Promise<boolean> {
  const s = await getEmbeddingStatus(h);
  return s.model === embedderId && s.done > 0;
}
