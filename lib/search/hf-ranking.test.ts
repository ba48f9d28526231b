import { describe, expect, it } from "vitest";
import { bestNamedMatch, idMatchScore, rankModels, sizeClash, type ModelCandidate } from "./hf-ranking";
import { queryTokens, expandAbbreviations } from "./text-query";

const cand = (id: string, p: Partial<ModelCandidate> = {}): ModelCandidate => ({
  id, author: id.split("/")[0], popularity: 0.5, modelRank: 0.1, chunkRank: 0.1, vectorSim: null, ...p,
});

describe("idMatchScore", () => {
  const q = queryTokens("llama 3 70b instruct");
  it("prefers the original publisher's exact release over fine-tunes and quantized copies", () => {
    const official = idMatchScore("meta-llama/Meta-Llama-3-70B-Instruct", "meta-llama", q);
    const finetune = idMatchScore("someone/Llama-3-70B-Instruct-abliterated-v2", "someone", q);
    const gguf = idMatchScore("someone/Meta-Llama-3-70B-Instruct-GGUF", "someone", q);
    expect(official).toBeGreaterThan(finetune);
    expect(official).toBeGreaterThan(gguf);
  });
  it("a different size is a different model", () => {
    expect(sizeClash("meta-llama/Llama-3.1-8B-Instruct", queryTokens("llama 3.1 405b"))).toBe(true);
    expect(sizeClash("meta-llama/Llama-3.1-405B-Instruct", queryTokens("llama 3.1 405b"))).toBe(false);
    expect(idMatchScore("meta-llama/Llama-3.1-8B-Instruct", "meta-llama", queryTokens("llama 3.1 405b"))).toBeLessThan(
      idMatchScore("meta-llama/Llama-3.1-405B-Instruct", "meta-llama", queryTokens("llama 3.1 405b")) / 2,
    );
  });
  it("variants (VL, Coder) rank below the plain model of the same size", () => {
    const t = queryTokens("qwen2.5 7b");
    expect(idMatchScore("Qwen/Qwen2.5-7B-Instruct", "Qwen", t)).toBeGreaterThan(idMatchScore("Qwen/Qwen2.5-VL-7B-Instruct", "Qwen", t));
  });
  it("no shared token means no id match", () => {
    expect(idMatchScore("openai-community/gpt2", "openai-community", queryTokens("object detection"))).toBe(0);
  });
  it("expands abbreviations people type", () => {
    expect(expandAbbreviations("Help me set up SDXL")).toBe("Help me set up stable diffusion xl");
  });
});

describe("rankModels: 0.6 × relevance + 0.4 × popularity", () => {
  it("scores are the blend, in [0,1], best first; ties broken by relevance then id", () => {
    const r = rankModels([cand("a/llama-70b", { popularity: 0.2 }), cand("b/llama-70b", { popularity: 0.9 }), cand("c/llama-70b", { popularity: 0.9 })], queryTokens("llama 70b"));
    for (const m of r) expect(m.score).toBeCloseTo(0.6 * m.relevance + 0.4 * m.popularity, 2);
    expect(r.map((m) => m.candidate.id)).toEqual(["b/llama-70b", "c/llama-70b", "a/llama-70b"]);
  });
  it("drops barely-relevant popular models and wrong sizes when the asked size exists", () => {
    const r = rankModels(
      [cand("openai-community/gpt2", { popularity: 1, modelRank: 0, chunkRank: 0.01 }), cand("meta-llama/Llama-3.1-405B-Instruct", { popularity: 0 }), cand("meta-llama/Llama-3.1-8B-Instruct", { popularity: 1 })],
      queryTokens("llama 3.1 405b instruct"),
    );
    expect(r.map((m) => m.candidate.id)).toEqual(["meta-llama/Llama-3.1-405B-Instruct"]);
  });
  it("a Hub-recommended model of the task is relevant to a task-level query", () => {
    const r = rankModels([cand("facebook/detr-resnet-50", { taskMatch: "recommended", modelRank: 0, chunkRank: 0 }), cand("x/objectmodel", { popularity: 0.1 })], queryTokens("object detection"));
    expect(r[0].candidate.id).toBe("facebook/detr-resnet-50");
  });
  it("removed models never appear", () => {
    expect(rankModels([cand("a/llama", { removed: true })], ["llama"])).toEqual([]);
  });
});

describe("bestNamedMatch: the repo a name resolves to", () => {
  const m = (id: string, relevance: number, popularity = 0.5) => ({ id, relevance, popularity });
  it("never an unasked variant: 'bge large' is the embeddings model, not the reranker", () => {
    const r = [m("BAAI/bge-reranker-large", 0.99), m("BAAI/bge-large-en-v1.5", 0.92)];
    expect(bestNamedMatch(r, ["bge", "large"])?.id).toBe("BAAI/bge-large-en-v1.5");
  });
  it("the original publisher from 0.7 over a re-upload at 0.81", () => {
    const r = [m("mainbrains/stable-diffusion-xl-base-1.0", 0.81), m("stabilityai/stable-diffusion-xl-base-1.0", 0.74)];
    expect(bestNamedMatch(r, ["stable", "diffusion", "xl"])?.id).toBe("stabilityai/stable-diffusion-xl-base-1.0");
  });
  it("nothing close enough is no match, rather than a random fine-tune", () => {
    expect(bestNamedMatch([m("someone/psyembedding-e5-large-v2", 0.6)], ["multilingual", "e5", "large"])).toBeNull();
  });
});
