import { describe, expect, it } from "vitest";
import { ARCHITECTURES, findArchitecture } from "./architectures";
import {
  allOfficialOrgs, familyContext, familySize, familySizes, familyVersions, isOfficialOrg, MODEL_FACTS, officialOrgs,
} from "./model-facts";

describe("model facts lookups", () => {
  it("official organisations per family, case-insensitive", () => {
    expect(officialOrgs("llama")).toContain("meta-llama");
    expect(isOfficialOrg("Qwen", "qwen")).toBe(true);
    expect(isOfficialOrg("TheBloke", "llama")).toBe(false);
    expect(isOfficialOrg("google")).toBe(true);
    expect(isOfficialOrg("nobody-in-particular")).toBe(false);
    expect(officialOrgs("no-such-family")).toEqual([]);
    expect(allOfficialOrgs()).toEqual([...allOfficialOrgs()].sort());
  });

  it("sizes of a version, smallest first, from the official repos", () => {
    expect(familySizes("llama", "3.1").map((s) => s.nominal_b)).toEqual([8, 70, 405]);
    expect(familySizes("qwen", "2.5").map((s) => s.label)).toEqual(["0.5B", "1.5B", "3B", "7B", "14B", "32B", "72B"]);
    expect(familySizes("gemma", "3").map((s) => s.nominal_b)).toEqual([1, 4, 12, 27]);
    expect(familySizes("qwen", "2.5", "coder").length).toBeGreaterThan(0);
    expect(familySizes("llama", "9.9")).toEqual([]);
    expect(familyVersions("llama")).toEqual(expect.arrayContaining(["1", "2", "3", "3.1", "3.2", "3.3", "4"]));
  });

  it("without a version, one size per label (the newest version's)", () => {
    const olmo = familySizes("olmo");
    expect(olmo.map((s) => s.label)).toEqual(["1B", "7B", "13B", "32B"]);
    expect(olmo.find((s) => s.label === "7B")!.version).toBe("2");
  });

  it("params and context come from the arch table (config.json) when a repo names an architecture", () => {
    const l8 = familySize("llama", "3.1", 8)!;
    expect(l8.arch_id).toBe("llama-3.1-8b");
    expect(l8.params_source).toBe("arch-table");
    expect(l8.context).toBe(131072);
    // The catalog lists Llama 3.2 3B with 128000 (parsed from an LLM-written datasheet); config.json wins.
    expect(familySize("llama", "3.2", 3)!.context).toBe(131072);
    // Absent from the arch tables: the catalog's own figures.
    const q35 = familySize("qwen", "3.5", 9);
    expect(q35?.params_source).toBe("catalog");
  });

  it("context: of the nearest size when params are given, else the most common among the version's sizes", () => {
    expect(familyContext("gemma", "3", 1)).toBe(32768);
    expect(familyContext("gemma", "3", 27)).toBe(131072);
    expect(familyContext("gemma", "3")).toBe(131072);
    expect(familyContext("llama", "2")).toBe(4096);
    expect(familyContext("llama", "4", undefined, "scout")).toBe(10485760);
    expect(familyContext("no-such-family")).toBeUndefined();
    // A size far from every listed one falls back to the version's common value.
    expect(familyContext("gemma", "3", 300)).toBe(131072);
  });

  it("every size is finite and positive, with repos or an override source", () => {
    for (const [f, fam] of Object.entries(MODEL_FACTS.families)) {
      for (const s of fam.sizes) {
        expect(Number.isFinite(s.params_b) && s.params_b > 0, `${f} ${s.label}`).toBe(true);
        expect(Number.isFinite(s.nominal_b) && s.nominal_b > 0, `${f} ${s.label}`).toBe(true);
        if (s.context !== undefined) expect(Number.isInteger(s.context) && s.context > 0).toBe(true);
        expect(s.source === "catalog" ? s.repos.length > 0 : /^https:\/\//.test(s.source), `${f} ${s.label}`).toBe(true);
      }
    }
  });
});

/**
 * Reconciliation: the catalog's figures (model-facts.json) against the arch tables (config.json)
 * for every size whose official repo names an architecture. The arch table wins at lookup; these
 * are the known disagreements, each with its reason. A new disagreement fails the test.
 */
const EXCEPTIONS: Record<string, { params?: string; context?: string }> = {
  // Catalog params are whole-billion listings (xinference/LLM-Stats sizes), config.json counts are exact.
  "codellama||7B": { params: "catalog 7 (whole-billion listing) vs 6.74", context: "catalog 100000 (the card's 'up to 100k' extrapolation, radar-parsed) vs trained 16384" },
  "codellama||13B": { context: "as 7B: 100000 extrapolated vs 16384 trained" },
  "codellama||34B": { context: "as 7B: 100000 extrapolated vs 16384 trained" },
  "falcon|1|7B": { params: "catalog 7 (whole-billion listing) vs 7.22" },
  "falcon|1|40B": { params: "catalog 40 (whole-billion listing) vs 41.8" },
  "gemma|3|4B": { params: "catalog 4 (xinference size) vs 4.3 incl. the SigLIP vision tower" },
  "llama|3.2|3B": { context: "catalog 128000 parsed from an LLM-written datasheet vs config 131072" },
  "llama|3.2|11B": { params: "catalog 11 (xinference size) vs 10.67" },
  "llama|4|maverick": { context: "catalog 1000000 (card's '1M') vs config 1048576" },
  "llama|4|scout": { context: "catalog 10000000 (card's '10M') vs config 10485760" },
  "qwen|3|0.6B": { params: "catalog 0.752 counts the tied embedding twice (safetensors) vs the card's 0.6", context: "catalog 40960 = config max_position_embeddings (32K + 8K output) vs the card's native 32768" },
  "qwen|3|1.7B": { context: "40960 config vs native 32768 (card)" },
  "qwen|3|4B": { context: "40960 config vs native 32768 (card)" },
  "qwen|3|8B": { context: "40960 config vs native 32768 (card)" },
  "qwen|3|14B": { params: "catalog 14 (xinference size) vs 14.8", context: "40960 config vs native 32768 (card)" },
  "qwen|3|30B": { context: "40960 config vs native 32768 (card)" },
  "qwen|3|32B": { context: "40960 config vs native 32768 (card)" },
  "qwen|3|235B": { context: "40960 config vs native 32768 (card)" },
};

describe("model facts vs arch tables (one source per fact)", () => {
  const rows = Object.entries(MODEL_FACTS.families).flatMap(([family, fam]) =>
    fam.sizes.flatMap((s) => {
      const hit = s.repos.map((r) => findArchitecture(r)).find((m) => m?.matchedBy === "name");
      return hit ? [{ key: `${family}|${s.version ?? ""}|${s.label}`, s, arch: hit.arch }] : [];
    }),
  );

  it("matches a good share of the arch tables", () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(new Set(rows.map((r) => r.arch.id)).size).toBeGreaterThan(ARCHITECTURES.length / 3);
  });

  it("params_b agree within 3% and contexts agree, or the difference is a listed exception", () => {
    const unexplained: string[] = [];
    for (const { key, s, arch } of rows) {
      const ex = EXCEPTIONS[key] ?? {};
      if (Math.abs(s.params_b / arch.params_b - 1) > 0.03 && !ex.params) unexplained.push(`${key} params ${s.params_b} vs ${arch.id} ${arch.params_b}`);
      if (s.context !== undefined && s.context !== arch.max_context && !ex.context) unexplained.push(`${key} context ${s.context} vs ${arch.id} ${arch.max_context}`);
    }
    expect(unexplained).toEqual([]);
  });

  it("lists no stale exceptions", () => {
    const stale = Object.keys(EXCEPTIONS).filter((k) => {
      const r = rows.find((x) => x.key === k);
      if (!r) return true;
      const pOff = Math.abs(r.s.params_b / r.arch.params_b - 1) > 0.03;
      const cOff = r.s.context !== undefined && r.s.context !== r.arch.max_context;
      return !!EXCEPTIONS[k].params !== pOff || !!EXCEPTIONS[k].context !== cOff;
    });
    expect(stale).toEqual([]);
  });
});
