import { MockEmbeddingModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { getEmbedder } from "./index";
import { createOpenAIEmbedder } from "./openai";

const unit = (seed: number) => {
  const v = Array.from({ length: 384 }, (_, i) => Math.sin(seed * 31 + i));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};

describe("OpenAI embedder", () => {
  it("asks for 384 dimensions, batches, keeps order", async () => {
    const model = new MockEmbeddingModelV3({
      maxEmbeddingsPerCall: 10,
      doEmbed: async ({ values }) => ({ embeddings: values.map((v) => unit(v.length)), warnings: [] }),
    });
    const e = createOpenAIEmbedder({ model: "text-embedding-3-small", embeddingModel: model, batchSize: 2 });
    expect(e.id).toBe("openai:text-embedding-3-small");
    const out = await e.embed(["a", "bb", "ccc"]);
    expect(out).toEqual([unit(1), unit(2), unit(3)]);
    expect(model.doEmbedCalls).toHaveLength(2);
    expect(model.doEmbedCalls[0].providerOptions).toEqual({ openai: { dimensions: 384 } });
  });

  it("sends dimensions: 384 to the endpoint (fake fetch, no network)", async () => {
    const bodies: Record<string, unknown>[] = [];
    const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe("http://llm.test/v1/embeddings");
      expect(new Headers(init?.headers).get("authorization")).toBe("Bearer sk-test");
      const body = JSON.parse(String(init?.body));
      bodies.push(body);
      const data = (body.input as string[]).map((_, i) => ({ object: "embedding", index: i, embedding: unit(i) }));
      return new Response(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }), {
        headers: { "content-type": "application/json" },
      });
    }) as typeof globalThis.fetch;
    const e = createOpenAIEmbedder({ apiKey: "sk-test", baseURL: "http://llm.test/v1", model: "text-embedding-3-small", fetch });
    const out = await e.embed(["x", "y"]);
    expect(out).toEqual([unit(0), unit(1)]);
    expect(bodies[0]).toMatchObject({ model: "text-embedding-3-small", input: ["x", "y"], dimensions: 384 });
  });

  it("rejects a model that ignores the dimensions request", async () => {
    const model = new MockEmbeddingModelV3({
      doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0, 0]), warnings: [] }),
    });
    const e = createOpenAIEmbedder({ model: "ada", embeddingModel: model });
    await expect(e.embed(["a"])).rejects.toThrow(/3-d vectors; the catalog stores 384-d/);
  });
});

describe("getEmbedder", () => {
  const base = { EMBEDDING_MODEL_ID: "Xenova/all-MiniLM-L6-v2", OPENAI_EMBED_MODEL: "text-embedding-3-small" };
  it("returns null for EMBEDDINGS=none", async () => {
    expect(await getEmbedder({ ...base, embeddings: "none" })).toBeNull();
  });
  it("builds the OpenAI embedder once per setting", async () => {
    const s = { ...base, embeddings: "openai" as const, OPENAI_API_KEY: "sk-x" };
    const a = await getEmbedder(s);
    expect(a?.id).toBe("openai:text-embedding-3-small");
    expect(await getEmbedder({ ...s })).toBe(a);
  });
});
