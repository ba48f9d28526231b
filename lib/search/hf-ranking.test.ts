import { describe, expect, it } from "vitest";
import { bestNamedMatch, familyLookup, familyPublishers, idMatchScore, PROVENANCE, provenance, rankModels, sizeClash, type ModelCandidate } from "./hf-ranking";
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

describe("provenance: official first", () => {
  const q = queryTokens("gpt-oss 20b");
  it("the original publisher is original; a fine-tune of another org's repo is a derivative", () => {
    expect(provenance({ id: "openai/gpt-oss-20b", author: "openai" }, q)).toBe("original");
    expect(provenance({ id: "someone/gpt-oss-20b-finetuned", author: "someone", baseModel: "openai/gpt-oss-20b" }, q)).toBe("derivative");
    // Same organisation's base model (whisper-large-v3-turbo from whisper-large-v3) is still the original.
    expect(provenance({ id: "openai/whisper-large-v3-turbo", author: "openai", baseModel: "openai/whisper-large-v3" }, queryTokens("whisper"))).toBe("original");
  });
  it("device and format builds and republishers are builds unless the query asks for the format or the org", () => {
    for (const id of ["t-firefly/qwen3-8b-rknn3-rk1828", "hugging-mac/yolov8-coreml", "anan19990108/yolov8s-1024-int8-qcs8550", "Xenova/all-MiniLM-L6-v2", "unsloth/gpt-oss-20b-GGUF"]) {
      expect(provenance({ id, author: id.split("/")[0] }, queryTokens("qwen3 8b yolov8 minilm gpt oss"))).toBe("build");
    }
    expect(provenance({ id: "unsloth/gpt-oss-20b-GGUF", author: "unsloth", baseModel: "openai/gpt-oss-20b" }, queryTokens("gpt-oss 20b gguf"))).toBe("original");
    expect(provenance({ id: "Xenova/all-MiniLM-L6-v2", author: "Xenova" }, queryTokens("xenova all minilm l6 v2"))).toBe("original");
  });
  it("another org's copy under an original repo's exact name is a re-upload", () => {
    const ctx = { originalNames: new Set(["stable-diffusion-xl-base-1.0"]) };
    expect(provenance({ id: "mainbrains/stable-diffusion-xl-base-1.0", author: "mainbrains" }, queryTokens("sdxl"), ctx)).toBe("reupload");
    expect(provenance({ id: "someone/sdxl-anime", author: "someone" }, queryTokens("sdxl"), ctx)).toBe("thirdParty");
    expect(provenance({ id: "someone/sdxl-anime", author: "someone" }, queryTokens("sdxl"), { ...ctx, originalMatches: true })).toBe("derivative");
  });
  it("factors order original > third party > derivative > re-upload, build", () => {
    expect(PROVENANCE.original).toBeGreaterThan(PROVENANCE.thirdParty);
    expect(PROVENANCE.thirdParty).toBeGreaterThan(PROVENANCE.derivative);
    expect(PROVENANCE.derivative).toBeGreaterThan(PROVENANCE.reupload);
    expect(PROVENANCE.derivative).toBeGreaterThan(PROVENANCE.build);
  });
});

describe("familyPublishers: the family's publisher from other repos' base_model", () => {
  const t = queryTokens("yolov8 object detection");
  it("an org that two other orgs' repos derive from, by a name the query gives", () => {
    const cands = [
      { id: "hugging-mac/yolov8-coreml", baseModel: "Ultralytics/YOLOv8" },
      { id: "nxp/Ultralytics-YOLOv8-detection-Ara240", baseModel: "Ultralytics/YOLOv8" },
      { id: "Tuzelkhan/drone-yolov8", baseModel: null },
    ];
    expect([...familyPublishers(cands, t)]).toEqual(["ultralytics"]);
  });
  it("not from a single claim, not a republisher, not a base model the query does not name", () => {
    expect(familyPublishers([{ id: "a/yolov8-x", baseModel: "Ultralytics/YOLOv8" }], t).size).toBe(0);
    // Two builds by one uploader (oxfrug's AWQ and EXL2 of AI-Sweden-Models/Llama-3-8B-instruct in the snapshot) are one claim.
    const oneUploader = [
      { id: "oxfrug/Llama-3-8B-instruct-awq", baseModel: "AI-Sweden-Models/Llama-3-8B-instruct" },
      { id: "oxfrug/Llama-3-8B-instruct-exl2", baseModel: "AI-Sweden-Models/Llama-3-8B-instruct" },
    ];
    expect(familyPublishers(oneUploader, queryTokens("llama 3 8b instruct")).size).toBe(0);
    expect(familyPublishers([...oneUploader, { id: "c/llama3-sv", baseModel: "AI-Sweden-Models/Llama-3-8B-instruct" }], queryTokens("llama 3 8b instruct"))).toEqual(
      new Set(["ai-sweden-models"]),
    );
    expect(familyPublishers([{ id: "a/x", baseModel: "unsloth/YOLOv8" }, { id: "b/y", baseModel: "unsloth/YOLOv8" }], t).size).toBe(0);
    const q3 = queryTokens("qwen3");
    expect(familyPublishers([{ id: "a/x", baseModel: "z-lab/Qwen3.8-27B-DFlash2" }, { id: "b/y", baseModel: "z-lab/Qwen3.8-27B-DFlash2" }], q3).size).toBe(0);
  });
});

describe("familyLookup: read the family publisher's repos only when the candidates lack them", () => {
  const yolo = [
    { id: "hugging-mac/yolov8-coreml", author: "hugging-mac", baseModel: "Ultralytics/YOLOv8", pipelineTag: "object-detection" },
    { id: "nxp/Ultralytics-YOLOv8-detection-Ara240", author: "nxp", baseModel: "Ultralytics/YOLOv8", pipelineTag: "object-detection" },
    { id: "Tuzelkhan/drone-yolov8", author: "Tuzelkhan", baseModel: null, pipelineTag: null },
  ];
  it("derivatives of a publisher absent from the candidates: that publisher, with the derivatives' tasks", () => {
    expect(familyLookup(yolo, queryTokens("yolov8"))).toEqual({ orgs: ["ultralytics"], pipelineTags: ["object-detection"] });
  });
  it("no lookup when the publisher already has a matching repo among the candidates", () => {
    const withOriginal = [...yolo, { id: "Ultralytics/YOLOv8", author: "Ultralytics", baseModel: null, pipelineTag: "object-detection" }];
    expect(familyLookup(withOriginal, queryTokens("yolov8"))).toBeNull();
  });
  it("no lookup when an original publisher's repo matches the query, whatever other orgs derive from", () => {
    // Two other organisations' repos name AI-Sweden-Models/Llama-3-8B as base: no round trip when meta-llama's own repo is there.
    const llama = [
      { id: "a/llama3-sv-chat", author: "a", baseModel: "AI-Sweden-Models/Llama-3-8B" },
      { id: "b/llama-3-8b-sv-lora", author: "b", baseModel: "AI-Sweden-Models/Llama-3-8B" },
    ];
    const t = queryTokens("llama 3 8b");
    expect(familyLookup(llama, t)?.orgs).toEqual(["ai-sweden-models"]);
    expect(familyLookup([...llama, { id: "meta-llama/Meta-Llama-3-8B", author: "meta-llama", baseModel: null }], t)).toBeNull();
  });
  it("no family, no query: no lookup", () => {
    expect(familyLookup(yolo.slice(2), queryTokens("yolov8"))).toBeNull();
    expect(familyLookup(yolo, [])).toBeNull();
    expect(familyLookup([], queryTokens("yolov8"))).toBeNull();
  });
});

describe("rankModels: official first on real-looking candidates", () => {
  it("YOLOv8: the family publisher's repo (found by the org lookup) leads personal fine-tunes and device builds", () => {
    const r = rankModels(
      [
        cand("Tuzelkhan/drone-yolov8", { popularity: 0.17, modelRank: 0.5, chunkRank: 0.2 }),
        cand("hugging-mac/yolov8-coreml", { popularity: 0.1, modelRank: 0.5, chunkRank: 0.2, baseModel: "Ultralytics/YOLOv8" }),
        cand("nxp/Ultralytics-YOLOv8-detection-Ara240", { popularity: 0, modelRank: 0.5, chunkRank: 0.2, baseModel: "Ultralytics/YOLOv8" }),
        cand("Ultralytics/YOLO26", { popularity: 0.5, modelRank: 0, chunkRank: 0, familyMatch: true }),
      ],
      queryTokens("yolov8"),
    );
    expect(r[0].candidate.id).toBe("Ultralytics/YOLO26");
    for (const m of r) expect(m.score).toBeCloseTo(0.6 * m.relevance + 0.4 * m.popularity, 2);
  });
  it("a re-upload under the original's name loses relevance, not just popularity", () => {
    const r = rankModels(
      [cand("stabilityai/stable-diffusion-xl-base-1.0", { popularity: 0.8 }), cand("mainbrains/stable-diffusion-xl-base-1.0", { popularity: 0.8 })],
      queryTokens("stable diffusion xl"),
    );
    expect(r.map((m) => m.candidate.id)).toEqual(["stabilityai/stable-diffusion-xl-base-1.0", "mainbrains/stable-diffusion-xl-base-1.0"]);
    expect(r[1].relevance).toBeLessThan(r[0].relevance);
  });
  it("without an original in the candidates, a personal repo keeps most of its relevance", () => {
    const alone = rankModels([cand("someone/psyembedding-e5-large-v2", { popularity: 0.1 })], queryTokens("e5 large v2"));
    const withOfficial = rankModels(
      [cand("someone/psyembedding-e5-large-v2", { popularity: 0.1 }), cand("intfloat/e5-large-v2", { popularity: 0.1 })],
      queryTokens("e5 large v2"),
    );
    const mine = withOfficial.find((m) => m.candidate.id.startsWith("someone/"))!;
    expect(alone[0].relevance).toBeGreaterThan(mine.relevance);
  });
});
