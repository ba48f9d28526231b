import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ModelFactsOverrides } from "@/lib/sizing/model-facts-types";
// Test-only import against the layer flow: checks the family ids the build uses exist in the parser.
import { FAMILY_BY_ID } from "@/lib/agents/requirements/offline/model-vocab";
import { FAMILY_SOURCES, type FamilySource } from "./model-families";
import { MODEL_FACTS_FILE, MODEL_FACTS_OVERRIDES_FILE, writeModelFacts } from "./model-facts-file";
import {
  applyOverrides, buildModelFacts, familySizesFromRows, isOfficialRow, isReupload, nominalFromLabel, round3,
  serializeModelFacts, type FactRow,
} from "./model-facts";

const LLAMA: FamilySource = FAMILY_SOURCES.find((s) => s.family === "llama")!;
const NO_OVERRIDES: ModelFactsOverrides = { sizes: [] };

const row = (id: string, params: number | null, extra: Partial<FactRow> = {}): FactRow => ({
  id, author: id.split("/")[0], params, params_estimated: false, context_length: null, base_model: null, popularity: 0, likes: 0, ...extra,
});

describe("official rows", () => {
  it("keeps the official org's own repos and drops fine-tunes, re-uploads and quantized copies", () => {
    expect(isOfficialRow(row("meta-llama/Llama-3.1-8B-Instruct", 8e9, { base_model: "meta-llama/Meta-Llama-3.1-8B" }), LLAMA.orgs)).toBe(true);
    expect(isOfficialRow(row("NousResearch/Meta-Llama-3.1-8B", 8e9), LLAMA.orgs)).toBe(false);
    expect(isOfficialRow(row("meta-llama/Llama-3.1-8B-Tuned", 8e9, { base_model: "someone/Llama-3.1-8B" }), LLAMA.orgs)).toBe(false);
    expect(isOfficialRow(row("meta-llama/Llama-3.1-8B", 8e9, { author: "thebloke" }), LLAMA.orgs)).toBe(false);
    expect(isOfficialRow(row("meta-llama/Llama-3.1-8B-Instruct-AWQ", 8e9), LLAMA.orgs)).toBe(false);
    for (const n of ["x-GGUF", "x-GPTQ-Int4", "x-FP8", "x-bnb-4bit", "x.mlx", "x-NVFP4"]) expect(isReupload(n), n).toBe(true);
    expect(isReupload("Llama-3.1-8B-Instruct")).toBe(false);
  });

  it("reads sizes from repo names and rounds params to 3 significant digits", () => {
    expect(nominalFromLabel("7b")).toBe(7);
    expect(nominalFromLabel("1_8b")).toBe(1.8);
    expect(nominalFromLabel("270m")).toBe(0.27);
    expect(nominalFromLabel("8x7b")).toBe(56);
    expect(nominalFromLabel("b")).toBeUndefined();
    expect(round3(6738417664 / 1e9)).toBe(6.74);
    expect(round3(494032768 / 1e9)).toBe(0.494);
    expect(() => round3(Number.NaN)).toThrow();
    expect(() => round3(0)).toThrow();
  });
});

describe("familySizesFromRows", () => {
  const rows: FactRow[] = [
    row("meta-llama/Llama-3.1-8B", 8030261248, { context_length: 131072, popularity: 0.9 }),
    row("meta-llama/Llama-3.1-8B-Instruct", 8030261248, { context_length: 131072, popularity: 0.95, base_model: "meta-llama/Llama-3.1-8B" }),
    row("meta-llama/Meta-Llama-3.1-8B-Instruct", 8e9, { context_length: 128000, popularity: 0.1 }),
    // Estimated from the name only: never a size.
    row("meta-llama/Llama-3.1-405B", 405e9, { params_estimated: true }),
    // Quantized re-upload by the official org and a community fine-tune: ignored.
    row("meta-llama/Llama-3.1-70B-Instruct-FP8", 70.6e9),
    row("unsloth/Llama-3.1-70B-Instruct", 70.6e9, { base_model: "meta-llama/Llama-3.1-70B-Instruct" }),
    // Params inconsistent with the name (×10): a data error, ignored.
    row("meta-llama/Llama-3.2-1B", 12e9),
    row("meta-llama/Llama-3.2-3B", 3213000000),
    row("meta-llama/Llama-4-Scout-17B-16E-Instruct", 108641793536, { context_length: 10000000 }),
  ];
  const sizes = familySizesFromRows(rows, LLAMA);

  it("groups by version and size, from official rows with real params only", () => {
    expect(sizes.map((s) => [s.version, s.variant, s.label])).toEqual([
      ["3.1", null, "8B"],
      ["3.2", null, "3B"],
      ["4", "scout", "scout"],
    ]);
  });

  it("prefers exact counts over whole-billion listings, and takes the most common context", () => {
    const s8 = sizes[0];
    expect(s8.params_b).toBe(8.03);
    expect(s8.nominal_b).toBe(8);
    expect(s8.context).toBe(131072);
    expect(s8.contexts).toEqual([128000, 131072]);
    expect(s8.repos).toEqual(["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B", "meta-llama/Meta-Llama-3.1-8B-Instruct"]);
    expect(s8.source).toBe("catalog");
  });

  it("names a line by its variant when the repo gives no plain size", () => {
    const scout = sizes.find((s) => s.variant === "scout")!;
    expect(scout.params_b).toBe(109);
    expect(scout.nominal_b).toBe(109);
    expect(scout.context).toBe(10000000);
  });
});

describe("overrides", () => {
  const base = familySizesFromRows([row("meta-llama/Llama-3.2-3B", 3213000000)], LLAMA);

  it("fills what the catalog lacks and adds missing sizes, never replacing catalog values", () => {
    const out = applyOverrides(base, [
      { family: "llama", version: "3.2", label: "3B", context: 131072, params_b: 99, source: "https://example.org/card" },
      { family: "llama", version: "1", label: "65B", params_b: 65.2, context: 2048, source: "https://arxiv.org/abs/2302.13971" },
    ]);
    const b3 = out.find((s) => s.label === "3B")!;
    expect(b3.params_b).toBe(3.21);
    expect(b3.context).toBe(131072);
    expect(b3.context_source).toBe("https://example.org/card");
    const b65 = out.find((s) => s.label === "65B")!;
    expect(b65).toMatchObject({ version: "1", nominal_b: 65, params_b: 65.2, context: 2048, source: "https://arxiv.org/abs/2302.13971" });
    expect(out.map((s) => s.version)).toEqual(["1", "3.2"]);
  });

  it("gives a label-less context to every size of the version lacking one", () => {
    const out = applyOverrides(base, [{ family: "llama", version: "3.2", context: 4096, source: "https://example.org" }]);
    expect(out[0].context).toBe(4096);
  });

  it("rejects entries without a source, new sizes without params and unknown families", () => {
    expect(() => applyOverrides(base, [{ family: "llama", version: "3.2", context: 1, source: "" }])).toThrow(/source/);
    expect(() => applyOverrides(base, [{ family: "llama", version: "1", label: "7B", source: "https://x" }])).toThrow(/params_b/);
    expect(() => buildModelFacts([], FAMILY_SOURCES, { sizes: [{ family: "nope", context: 1, source: "https://x" }] }, "t")).toThrow(/unknown family/);
  });
});

describe("buildModelFacts", () => {
  it("is deterministic: shuffled rows give the same bytes, with sorted keys", () => {
    const rows = [row("Qwen/Qwen2.5-7B-Instruct", 7615616512, { context_length: 32768 }), row("Qwen/Qwen2.5-0.5B", 494032768), row("google/gemma-2-9b", 9241705984)];
    const a = serializeModelFacts(buildModelFacts(rows, FAMILY_SOURCES, NO_OVERRIDES, "t"));
    const b = serializeModelFacts(buildModelFacts([...rows].reverse(), FAMILY_SOURCES, NO_OVERRIDES, "t"));
    expect(a).toBe(b);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed.families)).toEqual([...Object.keys(parsed.families)].sort());
    expect(parsed.families.qwen.sizes.map((s: { label: string }) => s.label)).toEqual(["0.5B", "7B"]);
    expect(parsed.families.gemma.orgs).toEqual(["google"]);
  });

  it("uses only family ids the parser knows, with lower-case orgs", () => {
    for (const s of FAMILY_SOURCES) {
      expect(FAMILY_BY_ID.has(s.family), s.family).toBe(true);
      for (const o of s.orgs) expect(o).toBe(o.toLowerCase());
    }
    expect(new Set(FAMILY_SOURCES.map((s) => s.family)).size).toBe(FAMILY_SOURCES.length);
  });

  it("the committed catalog/model-facts.json is what the committed snapshot and overrides give", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "facts-")), "model-facts.json");
    await writeModelFacts("catalog/snapshot", out, MODEL_FACTS_OVERRIDES_FILE);
    expect(fs.readFileSync(out, "utf8")).toBe(fs.readFileSync(MODEL_FACTS_FILE, "utf8"));
  }, 60_000);
});
