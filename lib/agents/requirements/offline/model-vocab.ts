/**
 * Model families the offline parser knows: how people write them (heads), what may follow
 * (versions, sizes, variants) and what that implies (params, modality, context). Params are
 * total parameters in billions.
 *
 * Sizes offered, context windows and official orgs come from the generated model facts
 * (lib/sizing/model-facts.ts over catalog/model-facts.json, built by `catalog:build` from the
 * official organisations' catalog rows + catalog/model-facts.overrides.json; params/context of
 * sizes in the arch tables come from config.json). What stays written here is parsing vocabulary,
 * choices (which size to assume by default, which version when none is named) and the single
 * params of families the generated facts do not cover yet (from the model cards, rounded).
 */
import { allOfficialOrgs, familyContext, familySize, familySizes } from "@/lib/sizing/model-facts";
import type { Modality } from "../types";
import type { ParsedSize } from "./tokens";

/** A model mention as parsed from text, before interpretation. */
export interface RawMention {
  version?: string;
  size?: ParsedSize;
  /** Lower-case variant words in order ("instruct", "r1", "large", "n"). */
  variants: string[];
}

export type HeadGuard =
  /** Always a model when written. */
  | "none"
  /** Only with a version, size or variant after it ("phi-3", not "phi"). */
  | "qualifier"
  /** Typed in capitals ("SAM", "CLIP") or with a qualifier ("sam 2", "clip-vit"). */
  | "upper_or_qualifier"
  /** Starts with a capital ("Flux") or has a qualifier ("flux dev"); rejects "in flux". */
  | "capital_or_qualifier";

export interface Head {
  seq: string[];
  guard?: HeadGuard;
}

export interface SizeOption {
  params_b: number;
  patch: Partial<RawMention>;
}

export interface ModelFamily {
  id: string;
  display: string;
  modality: Modality;
  heads: Head[];
  /** Versions accepted after the head ("3.1", "2.5"); without it, no bare-number version. */
  versions?: RegExp;
  /** Text between display and version in the canonical name (default " "). */
  versionJoin?: string;
  /** Family-specific variant words. */
  variants?: string[];
  /** Single letters accepted as variants when written tight ("yolov8n", "sam-vit-h"). */
  letterVariants?: string[];
  /** Letters that join a following number into one variant ("r"+"1" → "r1"). */
  compound?: string[];
  /** Words right after the head that mean it is not this model ("llama.cpp", "llama index"). */
  stopAfter?: string[];
  /** Variant words placed before the size in the canonical name. */
  variantsFirst?: boolean;
  /** Version written last as "v0.3" (Mistral style) instead of after the name. */
  versionLast?: boolean;
  /** Known params for this mention (takes precedence over the written size). */
  params?: (m: RawMention) => number | undefined;
  /** Sizes to offer when none was given. */
  sizeOptions?: (m: RawMention) => SizeOption[];
  /** The size assumed when none is given. */
  defaultParams?: (m: RawMention) => number | undefined;
  maxContext?: (m: RawMention) => number | undefined;
  modalityFor?: (m: RawMention) => Modality | undefined;
  format?: (m: RawMention, family: ModelFamily) => string;
  /** Hosted API model; cannot be self-hosted. */
  closed?: boolean;
}

export const COMMON_VARIANTS = [
  "instruct", "chat", "base", "it", "hf", "mini", "small", "medium", "large", "xl", "xxl",
  "tiny", "nano", "turbo", "vision", "coder", "distill", "preview", "vl", "moe", "uncased",
  "cased", "multilingual", "en",
];

/** Variants only accepted when attached with a separator ("gemma-2-9b-it", not "… it"). */
export const TIGHT_ONLY_VARIANTS = new Set(["it", "hf", "en", "base", "vl", "moe"]);

export const QUANT_TOKENS = new Set([
  "awq", "gptq", "gguf", "ggml", "bnb", "nf4", "exl2", "int4", "int8", "fp8", "fp16", "bf16", "mlx",
]);

const has = (m: RawMention, ...vs: string[]) => vs.some((v) => m.variants.includes(v));
const sz = (m: RawMention) => m.size?.total_b;
const opt = (params_b: number, patch: Partial<RawMention>): SizeOption => ({ params_b, patch });
const sizeOpt = (b: number): SizeOption =>
  opt(b, { size: { total_b: b, label: b >= 1 ? `${b}B` : `${Math.round(b * 1000)}M` } });
/** Looks up the first variant present in a table. */
const byVariant = (m: RawMention, table: Record<string, number>): number | undefined => {
  for (const v of m.variants) if (v in table) return table[v];
  return undefined;
};

/** The version when the model facts list sizes for it; else undefined (every version's sizes). */
const known = (family: string, version: string | undefined): string | undefined =>
  version !== undefined && familySizes(family, version).length ? version : undefined;
/** The sizes the model facts list for a family (version / line), as options that name the version. */
const dataSizes = (family: string, v?: string, variant: string | null = null): SizeOption[] => {
  const version = known(family, v);
  return familySizes(family, version, variant).map((s) => {
    const o = sizeOpt(s.nominal_b);
    return version === undefined ? o : { ...o, patch: { ...o.patch, version } };
  });
};
/** The sizes as plain options (the version stays as the user wrote it, or unnamed). */
const plainSizes = (family: string, v?: string): SizeOption[] =>
  familySizes(family, known(family, v)).map((s) => sizeOpt(s.nominal_b));
/** Max context from the model facts, for a version they list (else over every version). */
const contextOf = (family: string, version: string | undefined, params_b?: number, variant: string | null = null) =>
  familyContext(family, known(family, version), params_b, variant);
/** The nominal size when the version has exactly one (Llama 3.3 → 70). */
const onlySize = (family: string, version: string | undefined): number | undefined => {
  if (version === undefined) return undefined;
  const sizes = familySizes(family, version);
  return sizes.length === 1 ? sizes[0].nominal_b : undefined;
};
/**
 * The size assumed when none is named: `prefer` (a choice: the size most deployments start with)
 * when the version has it, else the version's smallest size of at least 1B, else its smallest.
 */
const preferSize = (family: string, version: string | undefined, prefer: number): number | undefined => {
  const sizes = familySizes(family, known(family, version));
  if (!sizes.length) return undefined;
  if (sizes.some((s) => s.nominal_b === prefer)) return prefer;
  return (sizes.find((s) => s.nominal_b >= 1) ?? sizes[0]).nominal_b;
};
/** Total params of a named line (Llama 4 "scout"), from the model facts. */
const lineParams = (family: string, version: string, line: string): number | undefined =>
  familySize(family, version, line, line)?.params_b;
/** "Llama 3.0" is Llama 3. */
const llamaVersion = (v: string | undefined) => (v === "3.0" ? "3" : v);
/** Llama 4 line of a mention; Scout (the smaller) when none is named. */
const llama4Line = (m: RawMention) => (has(m, "maverick") ? "maverick" : "scout");
/** Whole billions from 10B up, as the cards round them (gpt-oss: 116.8 → 117, 20.9 → 21). */
const cardRound = (b: number) => (b >= 10 ? Math.round(b) : b);

export const FAMILIES: ModelFamily[] = [
  // ---------------------------------------------------------------- LLMs
  {
    id: "llama",
    display: "Llama",
    modality: "llm",
    heads: [{ seq: ["llama"] }, { seq: ["meta", "llama"] }],
    versions: /^(1|2|3|3\.[0-3]|4)$/,
    variants: ["scout", "maverick", "guard"],
    stopAfter: ["cpp", "index", "stack", "hub", "file", "ccp"],
    params: (m) => {
      if (sz(m)) return sz(m);
      if (has(m, "scout", "maverick")) return lineParams("llama", "4", llama4Line(m));
      return onlySize("llama", llamaVersion(m.version));
    },
    sizeOptions: (m) => {
      if (m.version === "4") {
        return (["scout", "maverick"] as const).flatMap((l) => {
          const b = lineParams("llama", "4", l);
          return b === undefined ? [] : [opt(b, { variants: [l] })];
        });
      }
      // A version the facts do not list ("3.0") is offered the 3.1 sizes, named as written.
      const v = m.version ?? "3.1";
      return dataSizes("llama", known("llama", llamaVersion(v)) ?? "3.1").map((o) => ({ ...o, patch: { ...o.patch, version: v } }));
    },
    defaultParams: (m) =>
      m.version === "4"
        ? lineParams("llama", "4", "scout")
        : m.version === "2" || m.version === "1"
          ? preferSize("llama", m.version, 7)
          : m.version === "3.2"
            ? preferSize("llama", "3.2", 3)
            : preferSize("llama", known("llama", llamaVersion(m.version)) ?? "3.1", 8),
    maxContext: (m) =>
      m.version === "4"
        ? contextOf("llama", "4", undefined, llama4Line(m))
        : m.version
          ? contextOf("llama", llamaVersion(m.version), sz(m))
          : undefined,
    modalityFor: (m) =>
      has(m, "vision") || (m.version === "3.2" && (sz(m) === 11 || sz(m) === 90)) ? "multimodal" : undefined,
  },
  {
    id: "codellama",
    display: "Code Llama",
    modality: "llm",
    heads: [{ seq: ["code", "llama"] }, { seq: ["codellama"] }],
    variants: ["python"],
    sizeOptions: () => plainSizes("codellama"),
    defaultParams: () => preferSize("codellama", undefined, 7),
    maxContext: (m) => contextOf("codellama", undefined, sz(m)),
  },
  {
    id: "tinyllama",
    display: "TinyLlama",
    modality: "llm",
    heads: [{ seq: ["tinyllama"] }, { seq: ["tiny", "llama"] }],
    params: () => 1.1,
    maxContext: () => 2048,
  },
  {
    id: "mixtral",
    display: "Mixtral",
    modality: "llm",
    heads: [{ seq: ["mixtral"] }],
    versions: /^0\.\d$/,
    versionLast: true,
    params: (m) => {
      if (m.size?.experts === 8 && (m.size.each_b === 7 || m.size.each_b === 22)) return familySize("mixtral", "0.1", `8x${m.size.each_b}B`)?.params_b;
      return undefined;
    },
    sizeOptions: () =>
      familySizes("mixtral", "0.1").map((s) => {
        const each = s.nominal_b / 8;
        return opt(s.params_b, { size: { total_b: s.nominal_b, experts: 8, each_b: each, label: s.label } });
      }),
    defaultParams: () => familySize("mixtral", "0.1", "8x7B")?.params_b,
    maxContext: (m) => familySize("mixtral", "0.1", m.size?.each_b === 22 ? "8x22B" : "8x7B")?.context,
  },
  {
    id: "mistral",
    display: "Mistral",
    modality: "llm",
    heads: [{ seq: ["mistral"] }],
    versions: /^0\.\d$/,
    versionLast: true,
    variants: ["small", "medium", "large", "nemo"],
    variantsFirst: true,
    stopAfter: ["ai", "rs", "inference"],
    params: (m) => sz(m) ?? byVariant(m, { small: 24, large: 123, nemo: 12 }) ?? (m.variants.length === 0 || has(m, "instruct") ? 7 : undefined),
    maxContext: (m) => (has(m, "large", "nemo", "small") ? 131072 : 32768),
  },
  { id: "ministral", display: "Ministral", modality: "llm", heads: [{ seq: ["ministral"] }], params: (m) => sz(m) ?? 8, maxContext: () => 131072 },
  { id: "codestral", display: "Codestral", modality: "llm", heads: [{ seq: ["codestral"] }], params: (m) => sz(m) ?? 22, maxContext: () => 32768 },
  { id: "magistral", display: "Magistral", modality: "llm", heads: [{ seq: ["magistral"] }], params: (m) => sz(m) ?? 24, maxContext: () => 40960 },
  { id: "devstral", display: "Devstral", modality: "llm", heads: [{ seq: ["devstral"] }], params: (m) => sz(m) ?? 24, maxContext: () => 131072 },
  {
    id: "pixtral",
    display: "Pixtral",
    modality: "multimodal",
    heads: [{ seq: ["pixtral"] }],
    params: (m) => sz(m) ?? (has(m, "large") ? 124 : 12),
    maxContext: () => 131072,
  },
  {
    id: "qwen",
    display: "Qwen",
    modality: "llm",
    heads: [{ seq: ["qwen"] }],
    versions: /^(1|1\.5|2|2\.5|3)$/,
    versionJoin: "",
    variants: ["coder", "math", "vl", "audio", "omni", "max"],
    params: (m) => sz(m),
    sizeOptions: (m) => dataSizes("qwen", m.version ?? "2.5"),
    defaultParams: (m) => preferSize("qwen", m.version ?? "2.5", m.version === "3" ? 8 : 7),
    maxContext: (m) => contextOf("qwen", m.version ?? "2.5", sz(m)),
    modalityFor: (m) => (has(m, "vl", "omni") ? "multimodal" : has(m, "audio") ? "speech" : undefined),
  },
  { id: "qwq", display: "QwQ", modality: "llm", heads: [{ seq: ["qwq"] }], params: (m) => sz(m) ?? 32, maxContext: () => 131072 },
  {
    id: "gemma",
    display: "Gemma",
    modality: "llm",
    heads: [{ seq: ["gemma"] }],
    versions: /^(1|1\.1|2|3)$/,
    params: (m) => sz(m),
    sizeOptions: (m) => dataSizes("gemma", m.version ?? "3"),
    defaultParams: (m) => preferSize("gemma", m.version ?? "3", m.version === "2" ? 9 : m.version === "3" || !m.version ? 4 : 7),
    maxContext: (m) => contextOf("gemma", m.version ?? "3", sz(m)),
  },
  {
    id: "paligemma",
    display: "PaliGemma",
    modality: "multimodal",
    heads: [{ seq: ["paligemma"] }],
    params: (m) => sz(m) ?? 3,
  },
  {
    id: "phi",
    display: "Phi",
    modality: "llm",
    heads: [{ seq: ["phi"], guard: "qualifier" }],
    versions: /^(1|1\.5|2|3|3\.5|4)$/,
    versionJoin: "-",
    variants: ["reasoning", "multimodal"],
    variantsFirst: true,
    params: (m) => {
      if (sz(m)) return sz(m);
      if (m.version === "1" || m.version === "1.5") return 1.3;
      if (m.version === "2") return 2.7;
      if (has(m, "moe")) return 41.9;
      if (has(m, "vision")) return 4.2;
      if (m.version === "4") return byVariant(m, { mini: 3.8, multimodal: 5.6 }) ?? 14;
      if (m.version === "3" || m.version === "3.5") return byVariant(m, { mini: 3.8, small: 7.4, medium: 14 });
      return undefined;
    },
    sizeOptions: (m) => [
      opt(3.8, { version: m.version ?? "3", variants: ["mini"] }),
      opt(7.4, { version: m.version ?? "3", variants: ["small"] }),
      opt(14, { version: m.version ?? "3", variants: ["medium"] }),
    ],
    defaultParams: () => 3.8,
    maxContext: (m) =>
      m.version === "2" || m.version === "1" || m.version === "1.5"
        ? 2048
        : m.version === "4"
          ? 16384
          : m.version === "3.5"
            ? 131072
            : 4096,
    modalityFor: (m) => (has(m, "vision", "multimodal") ? "multimodal" : undefined),
  },
  {
    id: "deepseek",
    display: "DeepSeek",
    modality: "llm",
    heads: [{ seq: ["deepseek"] }, { seq: ["deep", "seek"] }],
    versions: /^(1|2|2\.5|3|3\.1|3\.2)$/,
    versionJoin: " V",
    compound: ["r"],
    variants: ["coder", "llm", "math", "lite", "qwen", "llama", "zero", "prover", "janus"],
    variantsFirst: true,
    params: (m) => {
      if (sz(m)) return sz(m);
      if (has(m, "coder") && m.version === "2") return has(m, "lite") ? 15.7 : 236;
      if (has(m, "coder")) return undefined;
      if (has(m, "distill")) return undefined;
      if (has(m, "r1") || (m.version && m.version.startsWith("3"))) return 671;
      if (m.version === "2" || m.version === "2.5") return has(m, "lite") ? 15.7 : 236;
      return undefined;
    },
    sizeOptions: (m) =>
      has(m, "coder")
        ? dataSizes("deepseek", undefined, "coder").map((o) => ({ ...o, patch: { ...o.patch, variants: ["coder"] } }))
        : [
            opt(671, { variants: ["r1"] }),
            opt(70, { variants: ["r1", "distill", "llama"], size: { total_b: 70, label: "70B" } }),
            opt(7, { variants: ["r1", "distill", "qwen"], size: { total_b: 7, label: "7B" } }),
          ],
    defaultParams: (m) => (has(m, "coder") ? 6.7 : has(m, "distill") ? 7 : 671),
    maxContext: (m) => (has(m, "coder") && !m.version ? contextOf("deepseek", undefined, sz(m), "coder") : 131072),
    modalityFor: (m) => (has(m, "vl", "janus") ? "multimodal" : undefined),
  },
  {
    id: "gpt-oss",
    display: "gpt-oss",
    modality: "llm",
    heads: [{ seq: ["gpt", "oss"] }, { seq: ["gptoss"] }],
    params: (m) => {
      const s = sz(m) === undefined ? undefined : familySize("gpt-oss", undefined, sz(m)!);
      return s ? cardRound(s.params_b) : sz(m);
    },
    sizeOptions: () => familySizes("gpt-oss").map((s) => opt(cardRound(s.params_b), { size: { total_b: s.nominal_b, label: s.label } })),
    defaultParams: () => {
      const s = familySizes("gpt-oss")[0];
      return s ? cardRound(s.params_b) : undefined;
    },
    maxContext: (m) => contextOf("gpt-oss", undefined, sz(m)),
    format: (m) => `gpt-oss${m.size ? `-${m.size.label.toLowerCase()}` : ""}`,
  },
  {
    id: "openai-gpt",
    display: "GPT",
    modality: "llm",
    closed: true,
    heads: [{ seq: ["gpt"], guard: "qualifier" }, { seq: ["chatgpt"] }],
    versions: /^(3|3\.5|4|4\.1|4\.5|5|5\.1|5\.2)$/,
    versionJoin: "-",
    variants: ["o", "turbo", "mini"],
  },
  { id: "claude", display: "Claude", modality: "llm", closed: true, heads: [{ seq: ["claude"] }], variants: ["sonnet", "opus", "haiku"] },
  { id: "gemini", display: "Gemini", modality: "llm", closed: true, heads: [{ seq: ["gemini"] }], versions: /^\d(\.\d)?$/, variants: ["pro", "flash", "ultra"] },
  { id: "gpt-j", display: "GPT-J", modality: "llm", heads: [{ seq: ["gpt", "j"] }], params: () => 6, maxContext: () => 2048 },
  { id: "gpt-neox", display: "GPT-NeoX", modality: "llm", heads: [{ seq: ["gpt", "neox"] }], params: () => 20, maxContext: () => 2048 },
  {
    id: "gpt2",
    display: "GPT-2",
    modality: "llm",
    heads: [{ seq: ["gpt", "2"] }, { seq: ["gpt2"] }],
    params: (m) => byVariant(m, { medium: 0.355, large: 0.774, xl: 1.5 }) ?? 0.124,
    maxContext: () => 1024,
  },
  {
    id: "falcon",
    display: "Falcon",
    modality: "llm",
    heads: [{ seq: ["falcon"] }],
    versions: /^(1|2|3)$/,
    params: (m) => sz(m),
    sizeOptions: (m) => plainSizes("falcon", m.version ?? "1"),
    defaultParams: (m) => preferSize("falcon", m.version ?? "1", 7),
    maxContext: (m) => contextOf("falcon", m.version ?? "1", sz(m)),
  },
  { id: "yi", display: "Yi", modality: "llm", heads: [{ seq: ["yi"], guard: "qualifier" }], versions: /^1\.5$/, params: (m) => sz(m), sizeOptions: () => plainSizes("yi", "1.5"), defaultParams: () => preferSize("yi", "1.5", 9), maxContext: (m) => contextOf("yi", m.version ?? "1.5", sz(m)) },
  {
    id: "command-r",
    display: "Command R",
    modality: "llm",
    heads: [{ seq: ["command", "r"] }],
    variants: ["plus", "+"],
    params: (m) => (has(m, "plus", "+") ? 104 : 35),
    maxContext: () => 131072,
  },
  { id: "starcoder", display: "StarCoder", modality: "llm", heads: [{ seq: ["starcoder"] }], versions: /^(1|2)$/, versionJoin: "", params: (m) => sz(m) ?? (m.version === "2" ? undefined : 15.5), sizeOptions: () => plainSizes("starcoder", "2"), defaultParams: () => preferSize("starcoder", "2", 7), maxContext: () => contextOf("starcoder", "2") },
  { id: "olmo", display: "OLMo", modality: "llm", heads: [{ seq: ["olmo"] }], versions: /^(1|2)$/, params: (m) => sz(m), sizeOptions: (m) => plainSizes("olmo", m.version), defaultParams: (m) => preferSize("olmo", m.version, 7), maxContext: (m) => contextOf("olmo", m.version, sz(m)) },
  { id: "granite", display: "Granite", modality: "llm", heads: [{ seq: ["granite"], guard: "qualifier" }], versions: /^(3|3\.\d|4)$/, params: (m) => sz(m), sizeOptions: (m) => plainSizes("granite", m.version), defaultParams: (m) => preferSize("granite", m.version, 8), maxContext: (m) => contextOf("granite", m.version, sz(m)) },
  { id: "nemotron", display: "Nemotron", modality: "llm", heads: [{ seq: ["nemotron"] }], params: (m) => sz(m), sizeOptions: () => [8, 70, 340].map(sizeOpt), defaultParams: () => 70, maxContext: () => 131072 },
  { id: "dbrx", display: "DBRX", modality: "llm", heads: [{ seq: ["dbrx"] }], params: () => 132, maxContext: () => 32768 },
  { id: "jamba", display: "Jamba", modality: "llm", heads: [{ seq: ["jamba"] }], params: (m) => sz(m) ?? (has(m, "large") ? 398 : 52), maxContext: () => 262144 },
  { id: "grok", display: "Grok", modality: "llm", heads: [{ seq: ["grok"], guard: "qualifier" }], versions: /^(1|2)$/, versionJoin: "-", params: (m) => (m.version === "1" ? 314 : m.version === "2" ? 270 : sz(m)), maxContext: () => 8192 },
  { id: "kimi", display: "Kimi", modality: "llm", heads: [{ seq: ["kimi"] }], compound: ["k"], params: (m) => (has(m, "k2") ? 1000 : sz(m)), maxContext: () => 131072 },
  {
    id: "glm",
    display: "GLM",
    modality: "llm",
    heads: [{ seq: ["glm"], guard: "qualifier" }, { seq: ["chatglm"] }],
    versions: /^(4|4\.5|4\.6)$/,
    versionJoin: "-",
    variants: ["air"],
    params: (m) => sz(m) ?? (m.version === "4" ? 9 : has(m, "air") ? 106 : m.version ? 355 : undefined),
    maxContext: () => 131072,
  },
  { id: "internlm", display: "InternLM", modality: "llm", heads: [{ seq: ["internlm"] }], versions: /^(2|2\.5|3)$/, versionJoin: "", params: (m) => sz(m), sizeOptions: (m) => plainSizes("internlm", m.version), defaultParams: (m) => preferSize("internlm", m.version, 7),
    // Only InternLM3 lists a context in the catalog; 32768 for the others is the previous table's value (not from data).
    maxContext: (m) => contextOf("internlm", m.version, sz(m)) ?? 32768 },
  { id: "smollm", display: "SmolLM", modality: "llm", heads: [{ seq: ["smollm"] }], versions: /^(2|3)$/, versionJoin: "", params: (m) => sz(m) ?? 1.7, maxContext: () => 8192 },
  { id: "vicuna", display: "Vicuna", modality: "llm", heads: [{ seq: ["vicuna"] }], params: (m) => sz(m), sizeOptions: () => plainSizes("vicuna"), defaultParams: () => preferSize("vicuna", undefined, 7),
    // Vicuna v1.5 (Llama 2 based, the current release): 4096 tokens, https://huggingface.co/lmsys/vicuna-7b-v1.5 (not in the catalog).
    maxContext: () => 4096 },
  { id: "zephyr", display: "Zephyr", modality: "llm", heads: [{ seq: ["zephyr"] }], params: (m) => sz(m) ?? 7, maxContext: () => 32768 },
  { id: "openchat", display: "OpenChat", modality: "llm", heads: [{ seq: ["openchat"] }], params: (m) => sz(m) ?? 7, maxContext: () => 8192 },
  { id: "solar", display: "SOLAR", modality: "llm", heads: [{ seq: ["solar"], guard: "qualifier" }], params: (m) => sz(m) ?? 10.7, maxContext: () => 4096 },
  { id: "mpt", display: "MPT", modality: "llm", heads: [{ seq: ["mpt"], guard: "qualifier" }], params: (m) => sz(m), sizeOptions: () => plainSizes("mpt"), defaultParams: () => preferSize("mpt", undefined, 7), maxContext: (m) => contextOf("mpt", undefined, sz(m)) },
  { id: "bloom", display: "BLOOM", modality: "llm", heads: [{ seq: ["bloom"], guard: "upper_or_qualifier" }, { seq: ["bloomz"] }], params: (m) => sz(m) ?? 176, maxContext: () => 2048 },
  { id: "dolly", display: "Dolly", modality: "llm", heads: [{ seq: ["dolly"], guard: "qualifier" }], params: (m) => sz(m) ?? 12, maxContext: () => 2048 },
  {
    id: "t5",
    display: "T5",
    modality: "llm",
    heads: [{ seq: ["flan", "t", "5"] }, { seq: ["t", "5"], guard: "upper_or_qualifier" }],
    params: (m) => sz(m) ?? byVariant(m, { small: 0.06, base: 0.25, large: 0.78, xl: 3, xxl: 11 }) ?? 0.25,
    maxContext: () => 512,
  },
  // ---------------------------------------------------------------- multimodal
  { id: "llava", display: "LLaVA", modality: "multimodal", heads: [{ seq: ["llava"] }], versions: /^(1\.5|1\.6)$/, params: (m) => sz(m), sizeOptions: () => plainSizes("llava"), defaultParams: () => preferSize("llava", undefined, 7), maxContext: () => 4096 },
  { id: "idefics", display: "Idefics", modality: "multimodal", heads: [{ seq: ["idefics"] }], versions: /^(2|3)$/, params: (m) => sz(m) ?? 8 },
  { id: "molmo", display: "Molmo", modality: "multimodal", heads: [{ seq: ["molmo"] }], params: (m) => sz(m), sizeOptions: () => plainSizes("molmo"), defaultParams: () => preferSize("molmo", undefined, 7) },
  { id: "internvl", display: "InternVL", modality: "multimodal", heads: [{ seq: ["internvl"] }], versions: /^(2|2\.5|3)$/, versionJoin: "", params: (m) => sz(m), sizeOptions: (m) => plainSizes("internvl", m.version), defaultParams: (m) => preferSize("internvl", m.version, 8) },
  { id: "florence", display: "Florence", modality: "multimodal", heads: [{ seq: ["florence"], guard: "qualifier" }], versions: /^2$/, versionJoin: "-", params: (m) => (has(m, "base") ? 0.23 : 0.77) },
  { id: "blip", display: "BLIP", modality: "multimodal", heads: [{ seq: ["blip"] }], versions: /^(1|2|3)$/, versionJoin: "-", params: (m) => sz(m) ?? (m.version === "2" ? 3.9 : 0.47) },
  {
    id: "clip",
    display: "CLIP",
    modality: "multimodal",
    heads: [{ seq: ["clip"], guard: "upper_or_qualifier" }, { seq: ["open", "clip"] }, { seq: ["openclip"] }],
    variants: ["vit", "base", "large", "huge"],
    letterVariants: ["b", "l", "h"],
    params: (m) => byVariant(m, { b: 0.151, base: 0.151, l: 0.428, large: 0.428, h: 0.986, huge: 0.986 }) ?? 0.428,
  },
  { id: "siglip", display: "SigLIP", modality: "multimodal", heads: [{ seq: ["siglip"] }], versions: /^2$/, params: () => 0.4 },
  // ---------------------------------------------------------------- image generation
  {
    id: "sdxl",
    display: "SDXL",
    modality: "image_generation",
    heads: [{ seq: ["sdxl"] }],
    versions: /^(0\.9|1|1\.0)$/,
    variants: ["turbo", "lightning", "refiner", "base"],
    params: () => 3.5,
    format: (m) => ["SDXL", ...m.variants.filter((v) => v !== "base").map(cap)].join(" "),
  },
  {
    id: "stable-diffusion",
    display: "Stable Diffusion",
    modality: "image_generation",
    heads: [{ seq: ["stable", "diffusion"] }, { seq: ["sd"], guard: "qualifier" }, { seq: ["stablediffusion"] }],
    versions: /^(1|1\.[1-5]|2|2\.0|2\.1|3|3\.5)$/,
    variants: ["xl", "large", "medium", "turbo", "base", "inpainting", "lightning", "refiner", "webui"],
    params: (m) => {
      if (has(m, "xl")) return 3.5;
      const v = m.version;
      if (!v) return undefined;
      if (v.startsWith("1")) return 1.07;
      if (v.startsWith("2")) return 1.3;
      if (v === "3") return 2;
      if (v === "3.5") return has(m, "medium") ? 2.5 : 8.1;
      return undefined;
    },
    sizeOptions: () => [
      opt(1.07, { version: "1.5" }),
      opt(3.5, { variants: ["xl"] }),
      opt(8.1, { version: "3.5", variants: ["large"] }),
    ],
    defaultParams: () => 3.5,
    format: (m) => {
      const rest = m.variants.filter((v) => v !== "xl" && v !== "base" && v !== "webui").map(cap);
      if (m.variants.includes("xl")) return ["SDXL", ...rest].join(" ");
      return ["Stable Diffusion", m.version, ...rest].filter(Boolean).join(" ");
    },
  },
  {
    id: "flux",
    display: "FLUX",
    modality: "image_generation",
    heads: [{ seq: ["flux"], guard: "capital_or_qualifier" }],
    versions: /^(1|1\.1|2)$/,
    versionJoin: ".",
    variants: ["dev", "schnell", "pro", "kontext", "fill", "krea"],
    params: (m) => (m.version === "2" ? 32 : 12),
  },
  { id: "stable-cascade", display: "Stable Cascade", modality: "image_generation", heads: [{ seq: ["stable", "cascade"] }], params: () => 5.1 },
  { id: "svd", display: "Stable Video Diffusion", modality: "image_generation", heads: [{ seq: ["stable", "video", "diffusion"] }], params: () => 1.5 },
  { id: "kandinsky", display: "Kandinsky", modality: "image_generation", heads: [{ seq: ["kandinsky"] }], versions: /^(2|2\.2|3)$/, params: (m) => (m.version === "3" ? 11.9 : 1.2) },
  { id: "pixart", display: "PixArt", modality: "image_generation", heads: [{ seq: ["pixart"] }], params: () => 0.6 },
  { id: "playground", display: "Playground", modality: "image_generation", heads: [{ seq: ["playground"], guard: "qualifier" }], versions: /^(2|2\.5|3)$/, versionJoin: " v", params: () => 2.6 },
  { id: "hunyuan-video", display: "HunyuanVideo", modality: "image_generation", heads: [{ seq: ["hunyuan", "video"] }, { seq: ["hunyuanvideo"] }], params: () => 13 },
  { id: "cogvideox", display: "CogVideoX", modality: "image_generation", heads: [{ seq: ["cogvideox"] }, { seq: ["cogvideo"] }], params: (m) => sz(m) ?? 5 },
  { id: "ltx-video", display: "LTX-Video", modality: "image_generation", heads: [{ seq: ["ltx", "video"] }, { seq: ["ltxv"] }], params: (m) => sz(m) ?? 2 },
  { id: "mochi", display: "Mochi", modality: "image_generation", heads: [{ seq: ["mochi"], guard: "qualifier" }], params: () => 10 },
  { id: "hidream", display: "HiDream", modality: "image_generation", heads: [{ seq: ["hidream"] }], params: () => 17 },
  { id: "auraflow", display: "AuraFlow", modality: "image_generation", heads: [{ seq: ["auraflow"] }], params: () => 6.8 },
  { id: "dall-e", display: "DALL-E", modality: "image_generation", closed: true, heads: [{ seq: ["dall", "e"] }, { seq: ["dalle"] }] },
  { id: "midjourney", display: "Midjourney", modality: "image_generation", closed: true, heads: [{ seq: ["midjourney"] }] },
  // ---------------------------------------------------------------- speech
  {
    id: "whisper",
    display: "Whisper",
    modality: "speech",
    heads: [{ seq: ["whisper"] }, { seq: ["distil", "whisper"] }, { seq: ["faster", "whisper"] }],
    versions: /^(1|2|3)$/,
    variants: ["base", "turbo", "cpp", "distil"],
    params: (m) => {
      if (has(m, "turbo")) return 0.809;
      return byVariant(m, { tiny: 0.039, base: 0.074, small: 0.244, medium: 0.769, large: 1.55 });
    },
    sizeOptions: () => [
      opt(0.244, { variants: ["small"] }),
      opt(0.769, { variants: ["medium"] }),
      opt(1.55, { variants: ["large"], version: "3" }),
      opt(0.809, { variants: ["large", "turbo"], version: "3" }),
    ],
    defaultParams: () => 1.55,
    format: (m) => {
      const sizes = m.variants.filter((v) => ["tiny", "base", "small", "medium", "large"].includes(v));
      const rest = m.variants.filter((v) => !sizes.includes(v) && v !== "cpp");
      const parts = [...sizes, ...(m.version ? [`v${m.version}`] : []), ...rest];
      return parts.length ? `Whisper ${parts.join("-")}` : "Whisper";
    },
  },
  {
    id: "wav2vec2",
    display: "wav2vec 2.0",
    modality: "speech",
    heads: [{ seq: ["wav", "2", "vec", "2"] }, { seq: ["wav", "2", "vec"] }],
    params: (m) => byVariant(m, { base: 0.095, large: 0.317 }) ?? 0.317,
  },
  { id: "parakeet", display: "Parakeet", modality: "speech", heads: [{ seq: ["parakeet"] }], params: (m) => sz(m) ?? 0.6 },
  { id: "xtts", display: "XTTS", modality: "speech", heads: [{ seq: ["xtts"] }], params: () => 0.47 },
  { id: "kokoro", display: "Kokoro", modality: "speech", heads: [{ seq: ["kokoro"] }], params: () => 0.082 },
  { id: "bark", display: "Bark", modality: "speech", heads: [{ seq: ["suno", "bark"] }], params: () => 1 },
  // ---------------------------------------------------------------- vision
  {
    id: "yolo",
    display: "YOLO",
    modality: "vision",
    heads: [{ seq: ["yolo"], guard: "upper_or_qualifier" }, { seq: ["yolov"] }],
    versions: /^([3-9]|1[0-2])$/,
    letterVariants: ["n", "s", "m", "l", "x"],
    variants: ["seg", "pose", "cls", "obb", "world"],
    params: (m) => {
      const v = Number(m.version ?? 8);
      const table: Record<string, number> =
        v >= 11
          ? { n: 0.0026, s: 0.0094, m: 0.0201, l: 0.0253, x: 0.0569 }
          : v === 5
            ? { n: 0.0019, s: 0.0072, m: 0.0212, l: 0.0465, x: 0.0867 }
            : { n: 0.0032, s: 0.0112, m: 0.0259, l: 0.0437, x: 0.0682 };
      return byVariant(m, table) ?? table.m;
    },
    format: (m) => {
      const letter = m.variants.find((v) => v.length === 1) ?? "";
      const rest = m.variants.filter((v) => v.length > 1);
      const v = m.version ? (Number(m.version) >= 11 ? m.version : `v${m.version}`) : "";
      return [`YOLO${v}${letter}`, ...rest].join("-");
    },
  },
  {
    id: "sam",
    display: "SAM",
    modality: "vision",
    heads: [{ seq: ["sam"], guard: "upper_or_qualifier" }, { seq: ["segment", "anything"] }],
    versions: /^(1|2|2\.1)$/,
    variants: ["vit", "huge", "large", "base", "hiera", "small", "tiny"],
    letterVariants: ["h", "l", "b"],
    params: (m) =>
      m.version?.startsWith("2")
        ? (byVariant(m, { large: 0.224, l: 0.224, base: 0.081, b: 0.081, small: 0.046, tiny: 0.039 }) ?? 0.224)
        : (byVariant(m, { huge: 0.636, h: 0.636, large: 0.308, l: 0.308, base: 0.091, b: 0.091 }) ?? 0.636),
    // Letter sizes are written as the repo names them ("ViT-H" → "vit huge", facebook/sam-vit-huge).
    // SAM 1 with no size named is sized as ViT-H (see params), so it is named so too.
    format: (m) => {
      const words = m.variants.map((v) => ({ h: "huge", l: "large", b: "base" })[v] ?? v);
      if (!m.version?.startsWith("2") && !words.some((w) => ["huge", "large", "base"].includes(w))) words.push("vit", "huge");
      return ["SAM", m.version, ...[...new Set(words)]].filter(Boolean).join(" ");
    },
  },
  {
    id: "vit",
    display: "ViT",
    modality: "vision",
    heads: [{ seq: ["vit"], guard: "upper_or_qualifier" }],
    variants: ["base", "large", "huge", "small", "tiny"],
    letterVariants: ["b", "l", "h", "s"],
    params: (m) => byVariant(m, { b: 0.086, base: 0.086, l: 0.307, large: 0.307, h: 0.632, huge: 0.632, s: 0.022, small: 0.022, tiny: 0.0057 }) ?? 0.086,
  },
  {
    id: "trocr",
    display: "TrOCR",
    modality: "vision",
    heads: [{ seq: ["trocr"] }],
    variants: ["large", "base", "small", "printed", "handwritten"],
    // microsoft/trocr-* model cards: small 62M, base 334M, large 558M parameters.
    params: (m) => byVariant(m, { large: 0.558, base: 0.334, small: 0.062 }) ?? 0.334,
  },
  {
    id: "resnet",
    display: "ResNet",
    modality: "vision",
    heads: [{ seq: ["resnet"] }],
    versions: /^(18|34|50|101|152)$/,
    versionJoin: "-",
    params: (m) => ({ "18": 0.0117, "34": 0.0218, "50": 0.0256, "101": 0.0445, "152": 0.0602 })[m.version ?? "50"] ?? 0.0256,
  },
  { id: "rt-detr", display: "RT-DETR", modality: "vision", heads: [{ seq: ["rt", "detr"] }], params: () => 0.032 },
  { id: "detr", display: "DETR", modality: "vision", heads: [{ seq: ["detr"] }], params: () => 0.041 },
  { id: "grounding-dino", display: "Grounding DINO", modality: "vision", heads: [{ seq: ["grounding", "dino"] }], params: () => 0.172 },
  {
    id: "dino",
    display: "DINO",
    modality: "vision",
    heads: [{ seq: ["dino"], guard: "upper_or_qualifier" }, { seq: ["dinov"] }],
    versions: /^(2|3)$/,
    versionJoin: "v",
    variants: ["small", "base", "large", "giant"],
    params: (m) => byVariant(m, { small: 0.022, base: 0.086, large: 0.3, giant: 1.1 }) ?? 0.3,
  },
  { id: "efficientnet", display: "EfficientNet", modality: "vision", heads: [{ seq: ["efficientnet"] }], params: () => 0.0053 },
  { id: "convnext", display: "ConvNeXt", modality: "vision", heads: [{ seq: ["convnext"] }], params: () => 0.089 },
  { id: "mobilenet", display: "MobileNet", modality: "vision", heads: [{ seq: ["mobilenet"] }], params: () => 0.0035 },
  { id: "segformer", display: "SegFormer", modality: "vision", heads: [{ seq: ["segformer"] }], params: () => 0.085 },
  { id: "mask-rcnn", display: "Mask R-CNN", modality: "vision", heads: [{ seq: ["mask", "r", "cnn"] }, { seq: ["mask", "rcnn"] }], params: () => 0.044 },
  { id: "faster-rcnn", display: "Faster R-CNN", modality: "vision", heads: [{ seq: ["faster", "r", "cnn"] }, { seq: ["faster", "rcnn"] }], params: () => 0.041 },
  { id: "depth-anything", display: "Depth Anything", modality: "vision", heads: [{ seq: ["depth", "anything"] }], params: () => 0.335 },
  // ---------------------------------------------------------------- embeddings / encoders
  {
    id: "bert",
    display: "BERT",
    modality: "embedding",
    heads: [{ seq: ["bert"] }],
    params: (m) => byVariant(m, { large: 0.34, base: 0.11, tiny: 0.0044, mini: 0.011, small: 0.029 }) ?? 0.11,
  },
  { id: "roberta", display: "RoBERTa", modality: "embedding", heads: [{ seq: ["roberta"] }, { seq: ["xlm", "roberta"] }], params: (m) => (has(m, "large") ? 0.355 : 0.125) },
  { id: "distilbert", display: "DistilBERT", modality: "embedding", heads: [{ seq: ["distilbert"] }, { seq: ["distil", "bert"] }], params: () => 0.066 },
  { id: "deberta", display: "DeBERTa", modality: "embedding", heads: [{ seq: ["deberta"] }], params: (m) => (has(m, "large") ? 0.435 : 0.184) },
  { id: "modernbert", display: "ModernBERT", modality: "embedding", heads: [{ seq: ["modernbert"] }], params: (m) => (has(m, "large") ? 0.395 : 0.149) },
  { id: "minilm", display: "all-MiniLM", modality: "embedding", heads: [{ seq: ["all", "minilm"] }, { seq: ["minilm"] }], params: () => 0.023 },
  { id: "mpnet", display: "all-mpnet", modality: "embedding", heads: [{ seq: ["all", "mpnet"] }, { seq: ["mpnet"] }], params: () => 0.11 },
  {
    id: "bge",
    display: "BGE",
    modality: "embedding",
    heads: [{ seq: ["bge"] }],
    compound: ["m"],
    variants: ["reranker", "base", "large", "small"],
    params: (m) => byVariant(m, { m3: 0.568, large: 0.335, base: 0.11, small: 0.033 }) ?? 0.335,
  },
  // intfloat/multilingual-e5-* is its own family (a different repo from e5-*-v2).
  { id: "multilingual-e5", display: "multilingual-e5", modality: "embedding", heads: [{ seq: ["multilingual", "e", "5"] }], variants: ["base", "large", "small", "instruct"], params: (m) => byVariant(m, { small: 0.118, base: 0.278, large: 0.56 }) ?? 0.56 },
  { id: "e5", display: "E5", modality: "embedding", heads: [{ seq: ["e", "5"], guard: "qualifier" }], variants: ["mistral", "base", "large", "small"], params: (m) => (has(m, "mistral") ? 7.1 : byVariant(m, { small: 0.033, base: 0.11, large: 0.335 }) ?? 0.335) },
  { id: "gte", display: "GTE", modality: "embedding", heads: [{ seq: ["gte"], guard: "qualifier" }], variants: ["base", "large", "small", "qwen"], params: (m) => byVariant(m, { small: 0.033, base: 0.11, large: 0.335 }) ?? 0.335 },
  { id: "nomic-embed", display: "nomic-embed-text", modality: "embedding", heads: [{ seq: ["nomic", "embed"] }], params: () => 0.137 },
  { id: "jina-embeddings", display: "jina-embeddings", modality: "embedding", heads: [{ seq: ["jina", "embeddings"] }, { seq: ["jina", "embed"] }], params: () => 0.57 },
  { id: "arctic-embed", display: "arctic-embed", modality: "embedding", heads: [{ seq: ["arctic", "embed"] }], params: () => 0.335 },
  { id: "colbert", display: "ColBERT", modality: "embedding", heads: [{ seq: ["colbert"] }], params: () => 0.11 },
];

const CAPS: Record<string, string> = {
  it: "IT", xl: "XL", xxl: "XXL", vl: "VL", moe: "MoE", hf: "HF", en: "en", llm: "LLM",
  r1: "R1", k2: "K2", m3: "M3", vit: "ViT", awq: "AWQ", cpp: "cpp", "+": "+",
};

export function cap(v: string): string {
  if (v in CAPS) return CAPS[v];
  if (/^[a-z]\d/.test(v)) return v.toUpperCase();
  return v.charAt(0).toUpperCase() + v.slice(1);
}

/** Canonical display name for a parsed mention. */
export function formatMention(family: ModelFamily, m: RawMention): string {
  if (family.format) return family.format(m, family);
  const head = m.version && !family.versionLast ? `${family.display}${family.versionJoin ?? " "}${m.version}` : family.display;
  const vars = m.variants.map(cap);
  const size = m.size ? [m.size.label] : [];
  const parts = family.variantsFirst ? [head, ...vars, ...size] : [head, ...size, ...vars];
  if (m.version && family.versionLast) parts.push(`v${m.version}`);
  return parts.join(" ");
}

export const FAMILY_BY_ID = new Map(FAMILIES.map((f) => [f.id, f]));

/**
 * Hugging Face organisations whose "org/repo" ids are accepted without further checks: every
 * family's official organisations (from the generated model facts, lib/sizing/model-facts.ts)
 * plus the well-known publishers of re-uploads, quantizations and community models below.
 */
export const KNOWN_HF_ORGS = new Set([
  ...allOfficialOrgs(),
  "thebloke", "nousresearch", "huggingfaceh4", "salesforce", "timm", "xenova", "thenlper",
  "jinaai", "nomic-ai", "unsloth", "alibaba-nlp", "apple", "amazon", "snowflake", "mixedbread-ai",
  "openbmb", "tencent", "coqui", "pyannote", "speechbrain", "playgroundai", "h94", "lllyasviel",
  "neuralmagic", "redhatai", "casperhansen", "bartowski", "lmstudio-community", "mlx-community",
  "hustvl", "prs-eth", "depth-anything",
]);
