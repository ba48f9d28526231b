import { describe, expect, it } from "vitest";
import { detectLanguage, toEnglishCues } from "./language";
import { extractFromText } from "./extract";
import { interpretReply } from "./answers";

describe("detectLanguage", () => {
  it.each([
    ["quiero desplegar Llama 3 8B con un presupuesto de 500 dólares al mes", "es"],
    ["necesito entrenar un modelo para los usuarios", "es"],
    ["ich möchte Llama 3 8B mit vLLM bereitstellen", "de"],
    ["wir brauchen eine H100 für das Training", "de"],
    ["je veux déployer Mistral 7B avec un budget de 300 euros", "fr"],
    ["nous avons besoin de deux GPU pour le modèle", "fr"],
    ["I want to deploy Llama 3 8B with a budget of $500 a month", "en"],
    ["Llama 3 8B, vLLM, H100, $500", "en"],
    ["", "en"],
  ])("%s → %s", (text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe("cue phrases and words", () => {
  it.each([
    ["presupuesto de 500 dólares al mes", /budget 500 dollars per month/],
    ["800 € pro Monat", /800 € per month/],
    ["300 euros par mois", /300 euros per month/],
    ["2 GPUs de 24GB", /2 GPUs of 24GB/],
    ["kein LoRA", /no LoRA/],
    ["base de datos vectorial y monitoreo", /vector database .* monitoring/],
    ["Bildgenerierung mit SDXL für 20 Nutzer", /image generation .* 20 users/],
    ["10 requêtes par seconde", /10 requests per second/],
  ])("%s", (text, want) => expect(toEnglishCues(text)).toMatch(want));
  it("a bare 'de' (Germany's region code) is left alone", () => {
    expect(toEnglishCues("run it in de, eu-central-1")).toBe("run it in de, eu-central-1");
  });
  it("shared short words apply only in their language", () => {
    expect(toEnglishCues("con 2 GPUs", "es")).toBe("with 2 GPUs");
    expect(toEnglishCues("a con artist", "en")).toBe("a con artist");
    expect(toEnglishCues("elf Nutzer", "de")).toMatch(/eleven users/);
    expect(toEnglishCues("an elf", "en")).toBe("an elf");
    expect(toEnglishCues("5 mil dólares", "es")).toMatch(/5 thousand dollars/);
  });
});

describe("the same request understood in each language", () => {
  const cases: [string, string][] = [
    ["es", "quiero servir Mistral 7B en GCP con dos GPUs de 24GB, mil dólares al mes, sin instancias spot"],
    ["de", "Mistral 7B auf GCP bereitstellen, zwei GPUs mit 24 GB, tausend Dollar pro Monat, keine Spot-Instanzen"],
    ["fr", "servir Mistral 7B sur GCP avec deux GPU de 24GB, mille dollars par mois, pas d'instances spot"],
    ["en", "serve Mistral 7B on GCP with two 24GB GPUs, a thousand dollars a month, no spot instances"],
  ];
  it.each(cases)("%s", (_lang, text) => {
    const s = extractFromText(text).spec;
    expect(s).toMatchObject({ task: "inference", providers: ["gcp"], budget_monthly_usd: 1000, spot_ok: false, gpu: { count: 2, memory_gb_per_gpu: 24 } });
    expect(s.model?.name).toMatch(/Mistral 7B/);
  });
});

describe("answers to clarifying questions in each language", () => {
  const BUDGET = [{ id: "budget", question: "What is your monthly budget?", options: ["$500", "$2000", "No fixed budget"] }];
  it.each(["me da igual", "keine Ahnung", "peu importe", "no sé", "weiß nicht", "je ne sais pas"])("'%s' leaves the question to us", (reply) => {
    expect(interpretReply(reply, BUDGET).declined).toContain("budget");
  });
  it.each(["sin presupuesto", "kein Budget", "pas de budget"])("'%s' is no budget", (reply) => {
    expect(interpretReply(reply, BUDGET).extras.budget_none).toBe(true);
  });
  it.each([["unos 2000 al mes", 2000], ["etwa 1500 € pro Monat", 1500], ["environ 800 euros par mois", 800]])("'%s' is a budget", (reply, v) => {
    expect(interpretReply(reply, BUDGET).spec.budget_monthly_usd).toBe(v);
  });
});

describe("GPUs named in words", () => {
  it.each([["necesito 4 tarjetas gráficas de 24GB", "es"], ["ich brauche 4 Grafikkarten mit 24 GB", "de"], ["il me faut 4 cartes graphiques de 24GB", "fr"]])("%s", (text) => {
    expect(extractFromText(text).spec.gpu).toMatchObject({ count: 4, memory_gb_per_gpu: 24 });
  });
});
