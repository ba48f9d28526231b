import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPglite, type DbHandle } from "@/db/client";
import { cardCanon, cardChunks } from "@/db/schema";
import { createLocalEmbedder } from "@/lib/embeddings/local";
import type { Embedder } from "@/lib/embeddings/types";
import {
  chunkEmbeddingInput, embeddingsReady, getEmbeddingStatus, runEmbeddingJob, toVectorLiteral,
  type EmbeddingProgress,
} from "./embed-job";

/** Deterministic 384-d unit vector from a text hash; records every input it embeds. */
function fakeEmbedder(id: string): Embedder & { seen: string[] } {
  const seen: string[] = [];
  const vec = (t: string) => {
    const v: number[] = [];
    for (let i = 0; v.length < 384; i++) {
      for (const b of createHash("sha256").update(`${id}|${t}|${i}`).digest()) v.push(b / 127.5 - 1);
    }
    const out = v.slice(0, 384);
    const n = Math.hypot(...out);
    return out.map((x) => x / n);
  };
  return {
    id, dimensions: 384, seen,
    async embed(texts) {
      seen.push(...texts);
      return texts.map(vec);
    },
  };
}

const CHUNKS = Array.from({ length: 10 }, (_, i) => ({
  heading: i % 3 === 0 ? null : `Section ${i}`,
  text: `Chunk ${i}: ${["vLLM serving", "LoRA fine-tuning", "GPU memory", "quantization", "licensing"][i % 5]} notes`,
}));

let h: DbHandle;

beforeAll(async () => {
  h = await openPglite();
  await h.db.insert(cardCanon).values([
    { id: "c1", hash: "h1", kind: "model", lang: "en", text: "card one" },
    { id: "c2", hash: "h2", kind: "model", lang: "en", text: "card two" },
  ]);
  await h.db.insert(cardChunks).values(
    CHUNKS.map((c, i) => ({ cardId: i < 5 ? "c1" : "c2", ordinal: i % 5, lang: "en", ...c })),
  );
});
afterAll(() => h.close());

async function embeddedCount() {
  const [r] = await h.query<{ n: number }>(sql`SELECT count(embedding)::int AS n FROM hf.card_chunks`);
  return r.n;
}
async function meta(key: string) {
  const [r] = await h.query<{ value: unknown }>(sql`SELECT value FROM meta WHERE key = ${key}`);
  return r?.value;
}

describe("runEmbeddingJob", () => {
  beforeEach(async () => {
    await h.query(sql`UPDATE hf.card_chunks SET embedding = NULL`);
    await h.query(sql`DELETE FROM meta WHERE key LIKE 'embedding_%'`);
  });

  it("embeds every chunk (heading + text) and records model and progress", async () => {
    const e = fakeEmbedder("fake:a");
    expect(await getEmbeddingStatus(h)).toEqual({ model: null, done: 0, total: 10, state: "idle" });
    expect(await embeddingsReady(h, e.id)).toBe(false);
    const calls: [number, number][] = [];
    const res = await runEmbeddingJob(h, e, { batchSize: 4, onProgress: (d, t) => calls.push([d, t]) });
    expect(res).toEqual({ done: 10, total: 10, model: "fake:a", state: "done" });
    expect(calls).toEqual([[0, 10], [4, 10], [8, 10], [10, 10]]);
    expect(e.seen).toEqual(CHUNKS.map((c) => chunkEmbeddingInput(c.heading, c.text)));
    expect(await embeddedCount()).toBe(10);
    expect(await meta("embedding_model")).toBe("fake:a");
    expect(await meta("embedding_progress")).toEqual(res);
    expect(await getEmbeddingStatus(h)).toEqual({ model: "fake:a", done: 10, total: 10, state: "done" });
    expect(await embeddingsReady(h, "fake:a")).toBe(true);
    expect(await embeddingsReady(h, "fake:other")).toBe(false);
  });

  it("stops cleanly on abort and resumes without re-embedding done rows", async () => {
    const e = fakeEmbedder("fake:a");
    const ac = new AbortController();
    const first = await runEmbeddingJob(h, e, {
      batchSize: 3, signal: ac.signal, onProgress: (d) => d >= 3 && ac.abort(),
    });
    expect(first).toMatchObject({ done: 3, total: 10, state: "stopped" });
    expect(await embeddedCount()).toBe(3);
    expect(await getEmbeddingStatus(h)).toMatchObject({ done: 3, state: "stopped" });
    expect(await embeddingsReady(h, "fake:a")).toBe(true); // partial coverage is usable (hybrid)

    const again = fakeEmbedder("fake:a");
    const second = await runEmbeddingJob(h, again, { batchSize: 3 });
    expect(second).toMatchObject({ done: 10, total: 10, state: "done" });
    expect(again.seen).toEqual(CHUNKS.slice(3).map((c) => chunkEmbeddingInput(c.heading, c.text)));
  });

  it("clears all vectors when the model changes, then re-embeds with the new one", async () => {
    await runEmbeddingJob(h, fakeEmbedder("fake:a"));
    const b = fakeEmbedder("fake:b");
    const ac = new AbortController();
    ac.abort(); // claim the model, embed nothing
    const res = await runEmbeddingJob(h, b, { signal: ac.signal });
    expect(res).toMatchObject({ model: "fake:b", done: 0, state: "stopped" });
    expect(await embeddedCount()).toBe(0); // no fake:a vectors survive
    expect(await meta("embedding_model")).toBe("fake:b");
    await runEmbeddingJob(h, b);
    expect(b.seen).toHaveLength(10);
    const [v] = await b.embed([chunkEmbeddingInput(CHUNKS[0].heading, CHUNKS[0].text)]);
    const [row] = await h.query<{ d: number }>(
      sql`SELECT embedding <=> ${toVectorLiteral(v)}::vector AS d FROM hf.card_chunks ORDER BY id LIMIT 1`,
    );
    expect(row.d).toBeCloseTo(0, 5);
  });

  it("clears vectors of unknown origin before the first run", async () => {
    const [v] = await fakeEmbedder("x").embed(["x"]);
    await h.query(sql`UPDATE hf.card_chunks SET embedding = ${toVectorLiteral(v)}::vector WHERE id = (SELECT min(id) FROM hf.card_chunks)`);
    const e = fakeEmbedder("fake:a");
    await runEmbeddingJob(h, e);
    expect(e.seen).toHaveLength(10);
  });

  it("records an embedder failure in meta and rethrows", async () => {
    const bad: Embedder = { id: "fake:bad", dimensions: 384, embed: async () => Promise.reject(new Error("boom")) };
    await expect(runEmbeddingJob(h, bad)).rejects.toThrow("boom");
    expect((await meta("embedding_progress")) as EmbeddingProgress).toMatchObject({ state: "error", error: "boom" });
    expect(await getEmbeddingStatus(h)).toMatchObject({ state: "error", error: "boom", done: 0 });
  });

  it("finds the nearest chunk with ORDER BY embedding <=> query", async () => {
    const e = fakeEmbedder("fake:a");
    await runEmbeddingJob(h, e);
    const target = CHUNKS[7];
    const [q] = await e.embed([chunkEmbeddingInput(target.heading, target.text)]);
    const rows = await h.query<{ text: string; d: number }>(sql`
      SELECT text, embedding <=> ${toVectorLiteral(q)}::vector AS d
      FROM hf.card_chunks ORDER BY embedding <=> ${toVectorLiteral(q)}::vector LIMIT 3`);
    expect(rows[0].text).toBe(target.text);
    expect(rows[0].d).toBeCloseTo(0, 5);
    expect(rows[1].d).toBeGreaterThan(0.5);
  });
});

const MODELS = path.resolve(process.cwd(), "../shared/models");
const haveFixture = fs.existsSync(path.join(MODELS, "fixtures/bert-random-384/onnx/model.onnx"));

describe.skipIf(!haveFixture)("runEmbeddingJob with the local ONNX fixture (storage path only)", () => {
  it("stores the model's vectors and finds a chunk by its own text", async () => {
    await h.query(sql`UPDATE hf.card_chunks SET embedding = NULL`);
    const e = await createLocalEmbedder({ modelDir: MODELS, modelId: "Xenova/all-MiniLM-L6-v2" });
    const res = await runEmbeddingJob(h, e, { batchSize: 4 });
    expect(res).toMatchObject({ done: 10, total: 10, model: e.id, state: "done" });
    const target = CHUNKS[4];
    const [q] = await e.embed([chunkEmbeddingInput(target.heading, target.text)]);
    const [row] = await h.query<{ text: string; d: number }>(sql`
      SELECT text, embedding <=> ${toVectorLiteral(q)}::vector AS d FROM hf.card_chunks
      ORDER BY embedding <=> ${toVectorLiteral(q)}::vector LIMIT 1`);
    expect(row.text).toBe(target.text);
    expect(row.d).toBeCloseTo(0, 4);
  });
});
