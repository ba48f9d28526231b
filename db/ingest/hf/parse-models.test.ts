import { describe, expect, it } from "vitest";
import { pick, readFixture } from "../test-fixtures";
import { keepModel, parseModelLine } from "./parse-models";

const models = readFixture(new URL("./__fixtures__/models.jsonl", import.meta.url));
const byId = (id: string) => pick(models, "id", id);

describe("parseModelLine", () => {
  it("maps a radar (2026-08) row with real params", () => {
    const m = parseModelLine(byId("007Arijit/Boomba-AI"));
    expect(m).toMatchObject({
      id: "007Arijit/Boomba-AI",
      author: "007Arijit",
      pipelineTag: "text-generation",
      libraryName: "transformers",
      license: "apache-2.0",
      downloads: 430,
      downloadsAsOf: "2026-08-22",
      likes: 0,
      likesAsOf: "2026-08-22",
      params: 7615616512,
      paramsEstimated: false,
      gated: false,
      baseModel: "unsloth/qwen2.5-7b-instruct-unsloth-bnb-4bit",
      createdAt: "2026-08-18",
      hasCard: true,
      popularity: 0,
    });
    expect(m.tags).toContain("unsloth");
  });

  it("falls back to params_est_from_name and flags it", () => {
    const raw = byId("17luke/wav2vec2-large-xls-r-300m-icelandic-samromur");
    expect(raw.params).toBeUndefined();
    const m = parseModelLine(raw);
    expect(m.params).toBe(300_000_000);
    expect(m.paramsEstimated).toBe(true);
    expect(m.downloads).toBe(0);
    expect(m.downloadsAsOf).toBe("2023-10-01");
    expect(m.likes).toBeNull();
    expect(m.hasCard).toBe(false);
  });

  it("keeps leaderboard-only facts (likes 2025-03, moe, context, description)", () => {
    const m = parseModelLine(byId("meta-llama/Llama-3.3-70B-Instruct"));
    expect(m).toMatchObject({
      downloads: null,
      downloadsAsOf: null,
      likes: 1908,
      likesAsOf: "2025-03",
      params: 70_554_000_000,
      paramsEstimated: false,
      contextLength: 131072,
      moe: false,
      architecture: "LlamaForCausalLM",
      license: "llama3.3",
    });
    expect(m.description).toMatch(/^The Llama 3.3 instruction tuned models/);
  });

  it("maps saranscript/weixin fields and has_card", () => {
    const m = parseModelLine(byId("09panesara/distilbert-base-uncased-finetuned-cola"));
    expect(m).toMatchObject({
      downloads: 24,
      downloadsAsOf: "2023-10-01",
      likes: 0,
      likesAsOf: "2022-02-21",
      architecture: "DistilBertForSequenceClassification",
      modelType: "distilbert",
      lastModified: "2021-12-21",
      hasCard: true,
      trendingScore: null,
      params: null,
    });
  });

  it("reads trending_score", () => {
    expect(parseModelLine(byId("sentence-transformers/all-MiniLM-L6-v2")).trendingScore).toBe(23);
  });

  it("rejects a line without id", () => {
    expect(() => parseModelLine({ author: "x" })).toThrow(/id/);
  });
});

describe("keepModel", () => {
  it("keeps a model with only a name-estimated parameter count", () => {
    expect(keepModel(byId("17luke/wav2vec2-large-xls-r-300m-icelandic-samromur"))).toBe(true);
  });

  it("drops a bare id with 0 downloads, no likes, no card, no params", () => {
    expect(keepModel(byId("007aneesh/curvencurve"))).toBe(false);
  });

  it("keeps card-only, downloads-only and likes-only models", () => {
    expect(keepModel(byId("3koozy/gpt2-HxH"))).toBe(true); // card + 9 downloads
    expect(keepModel(byId("meta-llama/Llama-3.3-70B-Instruct"))).toBe(true); // likes + params
    expect(keepModel({ id: "a/b", card_ids: ["e4c9c522d6b7c6f6"], downloads: 0 })).toBe(true);
  });

  it("keeps all but the bare id among the fixtures", () => {
    expect(models.filter((m) => keepModel(m)).length).toBe(models.length - 1);
  });
});
