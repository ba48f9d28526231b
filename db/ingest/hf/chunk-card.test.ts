import { describe, expect, it } from "vitest";
import { pick, readFixture } from "../test-fixtures";
import { CHUNK_MAX_TOKENS, chunkCard, estimateTokens } from "./chunk-card";

const cards = readFixture(new URL("./__fixtures__/cards.jsonl", import.meta.url));
const chunksOf = (id: string) => {
  const c = pick(cards, "card_id", id);
  return chunkCard(c.text as string, c.lang as string);
};

describe("chunkCard", () => {
  it("English HF card with front-matter: facts line, no YAML/comments/placeholders", () => {
    const chunks = chunksOf("e4c9c522d6b7c6f6");
    expect(chunks[0].heading).toBe("distilbert-base-uncased-finetuned-cola");
    expect(chunks[0].text.startsWith("license: apache-2.0; datasets: glue; tags: generated_from_trainer\n\n")).toBe(true);
    const all = chunks.map((c) => c.text).join("\n");
    expect(all).toContain("Matthews Correlation: 0.5406");
    expect(all).toContain("- learning_rate: 2e-05");
    expect(all).not.toContain("model-index");
    expect(all).not.toContain("<!--");
    expect(all).not.toMatch(/More information needed/i);
  });

  it("Spanish radar datasheet: sections with heading path, table kept whole", () => {
    const chunks = chunksOf("f919c3078ddb1c9f");
    expect(chunks.map((c) => c.heading)).toEqual([
      "007Arijit/Boomba-AI > Resumen",
      "007Arijit/Boomba-AI > Especificaciones tecnicas",
    ]);
    expect(chunks[0].text).toMatch(/^Boomba-AI es un modelo de lenguaje de 7\.615 millones de parámetros/);
    expect(chunks[1].text).toContain("| Parametro | Valor |\n|---|---|\n| Arquitectura |");
    expect(chunks[1].text).toContain("| Licencia | apache-2.0 |");
  });

  it("card with no headings: one chunk, null heading", () => {
    const chunks = chunksOf("9168c95634542fc9");
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ ordinal: 0, heading: null });
    expect(chunks[0].text).toContain("Hunter x Hunter TV anime series dataset");
  });

  it("very long prose section: several ≤400-token chunks with ~40-token overlap", () => {
    const chunks = chunksOf("1b51e85dd22c6c6f");
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    expect(chunks[0].heading).toBe(chunks[1].heading);
    expect(chunks[0].heading!.length).toBeLessThanOrEqual(200);
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(CHUNK_MAX_TOKENS);
    const firstLine = chunks[1].text.split("\n")[0];
    expect(chunks[0].text.endsWith(firstLine)).toBe(true); // overlap = tail of previous chunk
    expect(estimateTokens(firstLine)).toBeGreaterThan(20);
    expect(estimateTokens(firstLine)).toBeLessThanOrEqual(40);
  });

  it("long code sample is cut to one chunk-sized piece", () => {
    const chunks = chunksOf("df199adad262be9b");
    const usage = chunks.filter((c) => c.heading === "Usage");
    expect(usage).toHaveLength(1);
    expect(usage[0].text).toContain('LONG_ARTICLE = """"for about 20 years');
    expect(usage[0].text).toMatch(/\n…\n```$/);
    expect(chunks[0].text.startsWith("license: apache-2.0; language: en; datasets: scientific_papers")).toBe(true);
    for (const c of chunks) expect(estimateTokens(c.text)).toBeLessThanOrEqual(CHUNK_MAX_TOKENS);
  });

  it("drops badge and image-only lines", () => {
    const all = chunksOf("77099b82fa38f200").map((c) => c.text).join("\n");
    expect(all).not.toContain("img.shields.io");
    expect(all).not.toContain("colab-badge.svg");
    expect(all).not.toContain("user-images.githubusercontent.com");
    expect(all).toContain("Idea is to build a model which will take keywords as inputs");
    expect(all).toContain("pip install keytotext");
  });

  it("is deterministic and numbers chunks 0..n-1", () => {
    for (const c of cards) {
      const a = chunkCard(c.text as string, c.lang as string);
      expect(chunkCard(c.text as string, c.lang as string)).toEqual(a);
      expect(a.map((x) => x.ordinal)).toEqual(a.map((_, i) => i));
      for (const x of a) expect(x.text.trim()).not.toBe("");
    }
  });

  it("drops a card that is only placeholders", () => {
    expect(chunkCard("## Model description\n\nMore information needed\n\n## Intended uses\n\n[More Information Needed]", "en")).toEqual([]);
  });
});
