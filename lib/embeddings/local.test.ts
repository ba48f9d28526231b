import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLocalEmbedder } from "./local";
import { resolveModelDir } from "./model-dir";
import type { Embedder } from "./types";

// CI lays shared/ beside the repo; EMBEDDING_MODEL_DIR_TEST overrides.
const MODELS = process.env.EMBEDDING_MODEL_DIR_TEST ?? path.resolve(process.cwd(), "../shared/models");
const FIXTURE = path.join(MODELS, "fixtures/bert-random-384");
const haveFixture = fs.existsSync(path.join(FIXTURE, "onnx/model.onnx"));
if (!haveFixture) console.warn(`[local.test] SKIPPED model tests: ${FIXTURE} not found (needs shared/models beside the repo)`);

const norm = (v: number[]) => Math.hypot(...v);

describe.skipIf(!haveFixture)("local embedder (random-weight BERT fixture)", () => {
  let e: Embedder;
  beforeAll(async () => {
    e = await createLocalEmbedder({ modelDir: MODELS, modelId: "Xenova/all-MiniLM-L6-v2", batchSize: 4 });
  });

  it("finds the model two levels below a parent EMBEDDING_MODEL_DIR and names it", () => {
    expect(e.id).toMatch(/^local:bert-random-384@[0-9a-f]{8}$/);
    expect(e.dimensions).toBe(384);
  });

  it("returns 384-d unit vectors, deterministically, batch == single", async () => {
    const texts = ["GPU memory for a 7B model", "", "Llama 3 fine-tuning on A100", "x ".repeat(3000), "short"];
    const batch = await e.embed(texts);
    expect(batch).toHaveLength(texts.length);
    for (const v of batch) {
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 4);
    }
    const again = await e.embed(texts);
    expect(again).toEqual(batch);
    for (let i = 0; i < texts.length; i++) {
      const [single] = await e.embed([texts[i]]);
      single.forEach((x, k) => expect(x).toBeCloseTo(batch[i][k], 4));
    }
  });

  it("accepts the model folder itself, with the same id", async () => {
    const direct = await createLocalEmbedder({ modelDir: FIXTURE, modelId: "unused/id" });
    expect(direct.id).toBe(e.id);
    expect(await direct.embed(["same text"])).toEqual(await e.embed(["same text"]));
  });
});

describe("model folder resolution", () => {
  let root: string;
  const mk = (rel: string, onnx = "model.onnx", config = "{}") => {
    fs.mkdirSync(path.join(root, rel, "onnx"), { recursive: true });
    fs.writeFileSync(path.join(root, rel, "config.json"), config);
    fs.writeFileSync(path.join(root, rel, "onnx", onnx), "xx");
  };
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "s8-models-"));
    mk("Acme/first");
    mk("Xenova/all-MiniLM-L6-v2", "model_quantized.onnx");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("prefers EMBEDDING_MODEL_ID's path, else the first model folder", () => {
    const m = resolveModelDir(root, "Xenova/all-MiniLM-L6-v2");
    expect(m.dir).toBe(path.join(root, "Xenova/all-MiniLM-L6-v2"));
    expect(m.dtype).toBe("q8");
    expect(resolveModelDir(root, "missing/model").dir).toBe(path.join(root, "Acme/first"));
  });

  it("changes the fingerprint when config.json changes", () => {
    const before = resolveModelDir(path.join(root, "Acme/first")).fingerprint;
    fs.writeFileSync(path.join(root, "Acme/first/config.json"), '{"hidden_size":384}');
    expect(resolveModelDir(path.join(root, "Acme/first")).fingerprint).not.toBe(before);
    expect(before).toMatch(/^first@[0-9a-f]{8}$/);
  });

  it("explains a missing or empty folder", () => {
    expect(() => resolveModelDir(path.join(root, "nope"))).toThrow(/no such folder/);
    fs.mkdirSync(path.join(root, "empty"));
    expect(() => resolveModelDir(path.join(root, "empty"))).toThrow(/no model folder/);
  });
});

describe("local embedder without EMBEDDING_MODEL_DIR", () => {
  afterAll(() => vi.unstubAllGlobals());

  it("fails with a clear error when the Hub cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    await expect(createLocalEmbedder({ modelId: "Xenova/all-MiniLM-L6-v2" })).rejects.toThrow(
      /could not load Xenova\/all-MiniLM-L6-v2 from the Hugging Face Hub.*EMBEDDING_MODEL_DIR/,
    );
  });

  it("times out instead of hanging", async () => {
    vi.stubGlobal("fetch", vi.fn(() => new Promise(() => {})));
    const t0 = Date.now();
    await expect(createLocalEmbedder({ modelId: "Xenova/all-MiniLM-L6-v2", loadTimeoutMs: 300 })).rejects.toThrow(
      /timed out after 300 ms/,
    );
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
