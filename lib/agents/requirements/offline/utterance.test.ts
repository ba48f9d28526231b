import { describe, expect, it, vi } from "vitest";

// Counts THE normalization pass: every extractor must read the one Utterance built from it.
vi.mock("./normalize", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./normalize")>();
  return { ...actual, normalizeText: vi.fn(actual.normalizeText) };
});

const { normalizeText } = await import("./normalize");
const { readUtterance } = await import("./utterance");
const { extractFromText } = await import("./extract");
const { interpretReply } = await import("./answers");

describe("one normalization pass per message", () => {
  it.each([
    "Fine-tune Llama 3.1 8B (not LoRA) on 2x A100 80GB in eu-west, AWS or GCP but not Azure, $5,000/month, spot is fine, with MLflow",
    "quiero desplegar Llama 3 8B con presupuesto de 500 dólares al mes, sin Azure",
    "Actually use GCP instead of AWS and switch to H100s",
    "RAG chatbot with Mistral 7B, bge-large embeddings and Qdrant for 200 users",
  ])("%s", (text) => {
    vi.mocked(normalizeText).mockClear();
    extractFromText(text);
    expect(normalizeText).toHaveBeenCalledTimes(1);
  });

  it("a reply to clarifying questions is normalized once too", () => {
    vi.mocked(normalizeText).mockClear();
    interpretReply("2, and about 3000 a month", [{ id: "task", question: "What do you want to do?", options: ["Inference / serving", "Fine-tuning"] }]);
    expect(normalizeText).toHaveBeenCalledTimes(1);
  });
});

describe("the forms of an utterance", () => {
  it("keeps case in text, lower-cases, strips thousands and reads number words in numeric", () => {
    const u = readUtterance("Deploy Llama 3 for two thousand users, budget $10,000 a month");
    expect(u.language).toBe("en");
    expect(u.text).toContain("Llama 3");
    expect(u.lower).toContain("llama 3");
    expect(u.numeric).toContain("2000 users");
    expect(u.numeric).toContain("$10000 a month");
  });
  it("tokens carry their positions in the text", () => {
    const u = readUtterance("run Qwen2.5 72B on 8xH100");
    for (const tok of u.tokens) expect(u.text.slice(tok.start, tok.end)).toBe(tok.raw);
    expect(u.tokens.map((t) => t.t)).toEqual(expect.arrayContaining(["qwen", "2.5", "72b"]));
  });
  it("unicode dashes, quotes and non-breaking spaces are plain", () => {
    expect(readUtterance("Llama\u00A03 \u2013 \u201C8B\u201D").text).toBe('Llama 3 - "8B"');
  });
});

describe("number words in each language", () => {
  it.each([
    ["necesito dos H100 y cinco mil dólares al mes", ["2 h100", "5000 dollars per month"]],
    ["quinientos dólares al mes para tres usuarios", ["500 dollars per month", "3 users"]],
    ["mil dólares al mes", ["1000 dollars per month"]],
    ["ich brauche zwei H100, fünfhundert Euro pro Monat", ["2 h100", "500 euro per month"]],
    ["wir möchten tausend Euro pro Monat für zwölf Nutzer", ["1000 euro per month", "12 users"]],
    ["je veux deux A100 et deux cents euros par mois", ["2 a100", "200 euros per month"]],
    ["nous avons cinq mille euros par mois pour vingt utilisateurs", ["5000 euros per month", "20 users"]],
  ])("%s", (text, wants) => {
    const u = readUtterance(text);
    for (const want of wants) expect(u.numeric).toContain(want);
  });
  it("a language's short words stay English words in English text", () => {
    // "once" is Spanish for 11, "elf" German for 11, "cent"/"six" French numbers, "con"/"sin" Spanish.
    const u = readUtterance("I once ran an elf character bot that cost a cent, six times, a con and a sin");
    expect(u.language).toBe("en");
    expect(u.numeric).toContain("once ran an elf");
    expect(u.numeric).toContain("a cent, 6 times, a con and a sin");
  });
});
