import { describe, expect, it } from "vitest";
import { pick, readFixture } from "../test-fixtures";
import { cardHash, keepCard, keptModelIndex, normalizeCardText, parseCardLine } from "./parse-cards";
import { keepModel } from "./parse-models";

const models = readFixture(new URL("./__fixtures__/models.jsonl", import.meta.url));
const cards = readFixture(new URL("./__fixtures__/cards.jsonl", import.meta.url));
const kept = keptModelIndex(models.filter((m) => keepModel(m)).map((m) => m.id as string));
const card = (id: string) => parseCardLine(pick(cards, "card_id", id), kept);

describe("parseCardLine", () => {
  it("English HF card: canon row + one link", () => {
    const { canon, links } = card("e4c9c522d6b7c6f6");
    expect(canon).toMatchObject({ id: "e4c9c522d6b7c6f6", kind: "hf_model_card", lang: "en", source: "saranscript" });
    expect(canon.text.startsWith("---\nlicense: apache-2.0\n")).toBe(true);
    expect(links).toEqual([{ modelId: "09panesara/distilbert-base-uncased-finetuned-cola", cardId: "e4c9c522d6b7c6f6" }]);
  });

  it("hash is the sha256 of the whitespace-normalised text; its prefix is the upstream card_id", () => {
    for (const raw of cards) {
      const { canon } = parseCardLine(raw, kept);
      expect(canon.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(canon.hash.slice(0, 16)).toBe(raw.card_id);
    }
  });

  it("a BOM (U+FEFF) is not whitespace for the hash, as upstream (Python str.split)", () => {
    const raw = pick(cards, "card_id", "c2f7125a5bc6ab25");
    expect(raw.text as string).toContain("\ufeff");
    expect(cardHash(raw.text as string).slice(0, 16)).toBe("c2f7125a5bc6ab25");
    expect(normalizeCardText(" a\u00a0\n b\ufeff ")).toBe("a b\ufeff");
  });

  it("Spanish radar datasheet keeps kind/lang/source", () => {
    const { canon, links } = card("f919c3078ddb1c9f");
    expect(canon).toMatchObject({ kind: "llm_written_datasheet", lang: "es", source: "radar" });
    expect(links.map((l) => l.modelId)).toEqual(["007Arijit/Boomba-AI"]);
  });

  it("deduplicated card links to both models", () => {
    expect(card("dc075e315872e9b3").links.map((l) => l.modelId)).toEqual([
      "BeIR/query-gen-msmarco-t5-base-v1",
      "BeIR/query-gen-msmarco-t5-large-v1",
    ]);
  });

  it("resolves model ids case-insensitively to the models.jsonl casing", () => {
    expect(pick(cards, "card_id", "ea9eb017e3810e13").model_ids).toEqual(["efederici/it5-base-Summarization"]);
    expect(card("ea9eb017e3810e13").links).toEqual([
      { modelId: "efederici/it5-base-summarization", cardId: "ea9eb017e3810e13" },
    ]);
  });

  it("links only to kept models", () => {
    const onlyLarge = keptModelIndex(["BeIR/query-gen-msmarco-t5-large-v1"]);
    const parsed = parseCardLine(pick(cards, "card_id", "dc075e315872e9b3"), onlyLarge);
    expect(parsed.links.map((l) => l.modelId)).toEqual(["BeIR/query-gen-msmarco-t5-large-v1"]);
    expect(keepCard(parseCardLine(pick(cards, "card_id", "dc075e315872e9b3"), keptModelIndex([])))).toBe(false);
  });

  it("a Docker Hub card mapped to no HF model is not kept", () => {
    const parsed = card("cccca45b946d5e50");
    expect(parsed.canon.kind).toBe("docker_hub_model_card");
    expect(parsed.links).toEqual([]);
    expect(keepCard(parsed)).toBe(false);
  });
});
