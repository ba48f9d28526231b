/**
 * Hugging Face model ranking: relevance (id/family match, card passages, optional vectors) and
 * popularity, both in [0,1], blended 0.6 × relevance + 0.4 × popularity.
 */
import modelFacts from "@/catalog/model-facts.json";

export interface ModelCandidate {
  id: string;
  author: string | null;
  popularity: number;
  modelRank: number; // ts_rank of the query over the model's id/tags/description
  chunkRank: number; // best card passage ts_rank (0 when none)
  vectorSim: number | null; // best card passage cosine similarity (null when vectors are not in use)
  /** Hub-recommended for the requested task, or among its most popular models. */
  taskMatch?: "recommended" | "popular";
  /** Among the top repos of the organisation that published the family asked for (YOLO26 for "YOLOv8"). */
  familyMatch?: boolean;
  /** The catalog's base_model: another organisation's repo makes this one a derivative. */
  baseModel?: string | null;
  removed?: boolean;
}

export const RELEVANCE_WEIGHT = 0.6;
export const POPULARITY_WEIGHT = 0.4;
/** Candidates below either floor are dropped before ranking. */
export const MIN_RELEVANCE = 0.15;
export const RELATIVE_FLOOR = 0.3;
export const TASK_MATCH_BONUS = { recommended: 0.5, popular: 0.3 } as const;
/** Relevance of a family publisher's top repo found by the organisation lookup (same footing as a Hub-recommended model). */
export const FAMILY_MATCH_BONUS = 0.5;
/**
 * Provenance factors on relevance (named assumptions, not measurements: an ordering, tuned on the
 * catalog snapshot's real queries in tests/integration/suites/model-ranking.ts). The original
 * publisher's repo keeps its relevance; a personal upload with its own name keeps most of it; a
 * fine-tune/merge of another organisation's repo, a copy under the same name as an original repo,
 * and a device/format build (ONNX, GGUF, MLX, CoreML, RKNN, NPU…) lose more. None applies when the
 * query names the repo's organisation or the build format.
 */
export const PROVENANCE = { original: 1, thirdParty: 0.9, derivative: 0.75, reupload: 0.6, build: 0.6 } as const;
export type Provenance = keyof typeof PROVENANCE;
/** id match from which an original repo is taken to be the model the query names (same bar as ORIGINAL_MIN_RELEVANCE). */
const ORIGINAL_MATCH = 0.7;

/** Orgs that publish the original weights of the families people ask for by name. */
/**
 * Organisations that publish models the offline parser has no family for (embedders, BERTs, TTS):
 * every family's own official organisations come from catalog/model-facts.json (catalog:build,
 * db/catalog/build/model-families.ts), the one list of them.
 */
const PUBLISHERS_OUTSIDE_FAMILIES = [
  "alibaba-nlp", "apple", "coqui", "distilbert", "facebookai", "google-bert", "jinaai", "mixedbread-ai", "nomic-ai", "nreimers",
  "openai-community", "salesforce", "thenlper",
];
const ORIGINAL_PUBLISHERS = new Set([
  ...Object.values(modelFacts.families).flatMap((f) => f.orgs.map((o) => o.toLowerCase())),
  ...PUBLISHERS_OUTSIDE_FAMILIES,
]);

/**
 * Organisations that republish other organisations' weights (converted, quantized or mirrored):
 * a base_model under them does not make them the family's publisher, and their copies are builds.
 */
const REPUBLISHERS = new Set([
  "xenova", "onnx-community", "mlx-community", "lmstudio-community", "thebloke", "unsloth", "bartowski", "ggml-org", "comfy-org",
  "redhatai", "neuralmagic", "openvino", "mradermacher", "quantfactory",
]);

/** Name tokens of a device- or runtime-specific build (not the model's reference weights). */
const BUILD_MARKERS = new Set([
  "onnx", "gguf", "mlx", "coreml", "rknn", "rknn2", "rknn3", "npu", "openvino", "ov", "tflite", "litert", "qnn", "tensorrt", "trt",
  "executorch", "ncnn", "mnn", "ggml", "awq", "gptq", "exl2", "bnb", "4bit", "8bit", "int4", "int8", "w4a16", "w8a8", "w8a16", "fp8", "mxfp4",
]);
const isBuildToken = (t: string) => BUILD_MARKERS.has(t) || /^(rk\d{3,4}|qcs\d+|ara\d+|hailo\d*)$/.test(t);

const QUANT_MARKERS = ["gguf", "awq", "gptq", "exl2", "mlx", "bnb", "4bit", "8bit", "int4", "int8", "fp8", "quant"];
/** Suffixes that make a different model than the one named (a vision or code variant, a guard model…). */
const VARIANT_MARKERS = new Set([
  "vl", "coder", "code", "math", "audio", "vision", "guard", "reward", "embed", "embedding", "distill", "abliterated",
  "uncensored", "roleplay", "rp", "merge", "merged", "lora", "adapter", "1m", "omni", "ocr", "reranker", "rerank", "refiner", "detr",
]);
/** Suffixes that name the usual release of the same model (cheap extras). */
const BENIGN_MARKERS = new Set(["instruct", "chat", "it", "hf", "base", "v0", "v1", "v2", "v3", "release"]);
const isSizeToken = (t: string) => /^\d+(x\d+)?[bm]$/.test(t);

/** The query names a size ("405b") and the repo id names a different one ("8b"). */
export function sizeClash(id: string, queryTokens: string[]): boolean {
  const asked = queryTokens.filter(isSizeToken);
  if (!asked.length) return false;
  const inId = idTokens(id.split("/").slice(1).join("/") || id).filter(isSizeToken);
  return inId.length > 0 && !asked.some((s) => inId.includes(s));
}

export function idTokens(id: string): string[] {
  return id.toLowerCase().replace(/(\d)\.(\d)/g, "$1 $2").split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether the repo is published by the model's original organisation (meta-llama, Qwen, mistralai…). */
export function fromOriginalPublisher(id: string): boolean {
  return ORIGINAL_PUBLISHERS.has(id.split("/")[0].toLowerCase());
}

/** Whether a repo id is a variant (VL, coder, math, distill…) the query did not ask for. */
export function unaskedVariant(id: string, queryTokens: string[]): boolean {
  return extraIdTokens(id, queryTokens).some((t) => VARIANT_MARKERS.has(t));
}

/** Name tokens of a repo id the query did not ask for ("vl" in Qwen2.5-VL-72B-Instruct for "Qwen2.5 72B Instruct"). */
export function extraIdTokens(id: string, queryTokens: string[]): string[] {
  const [org, ...rest] = id.toLowerCase().split("/");
  return idTokens(rest.length ? rest.join("/") : org).filter((t) => !queryTokens.some((q) => t === q || (q.length >= 3 && t.startsWith(q))));
}

/**
 * How well the repo id names what was asked: coverage of the query tokens in the model name,
 * discounted for each extra token (a fine-tune's "-abliterated-v2-gguf" suffix), with a small
 * bonus for the original publisher and a penalty for quantized re-uploads unless asked for.
 */
export function idMatchScore(id: string, author: string | null, queryTokens: string[]): number {
  if (!queryTokens.length) return 0;
  const [org, ...rest] = id.toLowerCase().split("/");
  const nameToks = idTokens(rest.length ? rest.join("/") : org);
  const allToks = new Set([...idTokens(org), ...nameToks]);
  const hit = (q: string) => allToks.has(q) || (q.length >= 3 && /[a-z]/.test(q) && [...allToks].some((t) => t.startsWith(q)));
  const covered = queryTokens.filter(hit).length / queryTokens.length;
  if (covered === 0) return 0;
  const extras = extraIdTokens(id, queryTokens);
  const extraWeight = extras.reduce((w, t) => w + (BENIGN_MARKERS.has(t) ? 0.04 : 0.12), 0);
  const variants = extras.filter((t) => VARIANT_MARKERS.has(t)).length;
  const askedQuant = queryTokens.some((q) => QUANT_MARKERS.includes(q));
  const quant = !askedQuant && nameToks.some((t) => QUANT_MARKERS.includes(t)) ? 0.15 : 0;
  const publisher = ORIGINAL_PUBLISHERS.has((author ?? org).toLowerCase()) ? 0.1 : 0;
  // "Llama 3.1 405B" is not "Llama 3.1 8B": a different size in the id is a different model.
  const score = (covered ** 2 / (1 + extraWeight) + publisher * covered - quant - 0.12 * variants) * (sizeClash(id, queryTokens) ? 0.35 : 1);
  return clamp01(score);
}

const orgOf = (id: string) => (id.includes("/") ? id.split("/")[0].toLowerCase() : "");

/** The query names the repo's organisation ("unsloth qwen3", "Xenova all-MiniLM"). */
export function namesOrg(id: string, queryTokens: string[]): boolean {
  const org = idTokens(orgOf(id));
  return org.length > 0 && org.every((t) => queryTokens.includes(t));
}

/**
 * Where a repo stands against the family's originals: "original" (an original publisher, or a
 * publisher of the family as seen in other repos' base_model), "build" (ONNX/GGUF/MLX/CoreML/RKNN/NPU…
 * or a republishing organisation), "reupload" (another organisation's repo under the exact name of an
 * original candidate), "derivative" (base_model is another organisation's repo), else "thirdParty".
 * Everything counts as original when the query names the organisation or the build format.
 */
export function provenance(
  c: Pick<ModelCandidate, "id" | "author" | "baseModel">,
  queryTokens: string[],
  ctx: { familyPublishers?: ReadonlySet<string>; originalNames?: ReadonlySet<string>; originalMatches?: boolean } = {},
): Provenance {
  const org = (c.author ?? orgOf(c.id)).toLowerCase();
  if (namesOrg(c.id, queryTokens)) return "original";
  if (ORIGINAL_PUBLISHERS.has(org) || ctx.familyPublishers?.has(org)) return "original";
  const nameToks = idTokens(c.id.split("/").slice(1).join("/") || c.id);
  const askedBuild = queryTokens.filter(isBuildToken);
  if (askedBuild.some((t) => nameToks.includes(t))) return "original"; // the build format asked for ("gpt-oss 20b gguf")
  if (!askedBuild.length && (REPUBLISHERS.has(org) || nameToks.some(isBuildToken))) return "build";
  if (ctx.originalNames?.has(repoName(c.id))) return "reupload";
  const base = c.baseModel?.trim();
  if (base && base.includes("/") && orgOf(base) !== org) return "derivative";
  // A personal repo named after a family whose original matches the query is a fine-tune of it ("drone-yolov8").
  return ctx.originalMatches ? "derivative" : "thirdParty";
}

/** Every distinctive token of the repo's name is in the query ("YOLOv8" for Ultralytics/YOLOv8). */
function namedByQuery(id: string, queryTokens: string[]): boolean {
  const toks = idTokens(repoName(id)).filter((t) => !BENIGN_MARKERS.has(t) && !isSizeToken(t));
  return toks.length > 0 && toks.some((t) => /[a-z]/.test(t) && t.length >= 3) && toks.every((t) => queryTokens.includes(t));
}

const repoName = (id: string) => (id.split("/").slice(1).join("/") || id).toLowerCase();

/**
 * Organisations that publish the family asked for, read from the candidates' base_model: the org of
 * a base model the query names (Ultralytics for "yolov8", from base_model "Ultralytics/YOLOv8")
 * that repos of at least two other organisations derive from; republishers excluded.
 */
export function familyPublishers(cands: Pick<ModelCandidate, "id" | "baseModel">[], queryTokens: string[]): Set<string> {
  const refs = new Map<string, Set<string>>();
  for (const c of cands) {
    const base = c.baseModel?.trim();
    if (!base || !base.includes("/")) continue;
    const org = orgOf(base);
    if (!org || REPUBLISHERS.has(org) || org === orgOf(c.id) || !namedByQuery(base, queryTokens)) continue;
    let from = refs.get(org);
    if (!from) refs.set(org, (from = new Set()));
    from.add(orgOf(c.id) || c.id.toLowerCase());
  }
  // Two deriving organisations at least: one uploader's base_model fields are a claim, two make a family.
  return new Set([...refs].filter(([, from]) => from.size >= 2).map(([org]) => org));
}

/**
 * Whether the family publishers' own repos must be looked up, and which: the publishers (from
 * base_model, familyPublishers) none of whose repos among the candidates matches the query (id match
 * ≥ 0.5), and only when no original publisher's repo already matches it (id match ≥ ORIGINAL_MATCH):
 * "YOLOv8" finds fine-tunes of Ultralytics/YOLOv8, which the catalog lacks, so Ultralytics is read;
 * "Llama 3 8B" finds meta-llama/Meta-Llama-3-8B itself, so nothing is. `pipelineTags` are the tasks of
 * the derivatives pointing at those publishers (a detector family gives detectors), for a search
 * without a task. Null when no lookup is needed: the common case costs no extra round trip.
 */
export function familyLookup(
  cands: (Pick<ModelCandidate, "id" | "author" | "baseModel"> & { pipelineTag?: string | null })[],
  queryTokens: string[],
): { orgs: string[]; pipelineTags: string[] } | null {
  if (!queryTokens.length) return null;
  const officialMatch = cands.some((c) => fromOriginalPublisher(c.id) && idMatchScore(c.id, c.author, queryTokens) >= ORIGINAL_MATCH);
  if (officialMatch) return null;
  const orgs = [...familyPublishers(cands, queryTokens)].filter(
    (org) => !cands.some((c) => orgOf(c.id) === org && idMatchScore(c.id, c.author, queryTokens) >= 0.5),
  );
  if (!orgs.length) return null;
  const pipelineTags = [
    ...new Set(cands.filter((c) => c.baseModel && orgs.includes(orgOf(c.baseModel.trim())) && c.pipelineTag).map((c) => c.pipelineTag!)),
  ];
  return { orgs, pipelineTags };
}

export interface RankedModel<T extends ModelCandidate> {
  candidate: T;
  relevance: number;
  popularity: number;
  score: number;
}

export function rankModels<T extends ModelCandidate>(cands: T[], queryTokens: string[]): RankedModel<T>[] {
  const publishers = familyPublishers(cands, queryTokens);
  for (const c of cands) if (c.familyMatch) publishers.add((c.author ?? orgOf(c.id)).toLowerCase());
  const originals = cands.filter((c) => !c.removed && provenance(c, queryTokens, { familyPublishers: publishers }) === "original");
  const originalNames = new Set(originals.map((c) => repoName(c.id)));
  // The query names an original repo (or its family publisher was looked up): other repos are derived from it.
  const originalMatches = originals.some((c) => c.familyMatch || idMatchScore(c.id, c.author, queryTokens) >= ORIGINAL_MATCH);
  const maxModel = Math.max(1e-9, ...cands.map((c) => c.modelRank));
  const maxChunk = Math.max(1e-9, ...cands.map((c) => c.chunkRank));
  const useVectors = cands.some((c) => c.vectorSim !== null);
  const ranked = cands
    .filter((c) => !c.removed)
    .map((c) => {
      const idScore = idMatchScore(c.id, c.author, queryTokens);
      const text = 0.6 * (c.chunkRank / maxChunk) + 0.4 * (c.modelRank / maxModel);
      const vec = useVectors ? clamp01(c.vectorSim ?? 0) : 0;
      const matched = useVectors ? 0.55 * idScore + 0.25 * text + 0.2 * vec : 0.7 * idScore + 0.3 * text;
      // A top model of the requested task (or of the family's publisher) is relevant even without shared words.
      const bonus = Math.max(c.taskMatch ? TASK_MATCH_BONUS[c.taskMatch] : 0, c.familyMatch ? FAMILY_MATCH_BONUS : 0);
      // Official first: relevance is discounted for derivatives, re-uploads and device builds (PROVENANCE).
      const prov = provenance(c, queryTokens, { familyPublishers: publishers, originalNames, originalMatches });
      const relevance = clamp01(clamp01(matched + bonus) * PROVENANCE[prov]);
      const popularity = clamp01(c.popularity);
      const score = RELEVANCE_WEIGHT * relevance + POPULARITY_WEIGHT * popularity;
      return { candidate: c, relevance: round3(relevance), popularity: round3(popularity), score: round3(score) };
    });
  // A popular model that barely matches (gpt2 for "object detection") must not outrank real matches,
  // and when some model has the size that was asked for, models of another size are not that model.
  const top = Math.max(0, ...ranked.map((r) => r.relevance));
  const sizeMatched = ranked.some((r) => !sizeClash(r.candidate.id, queryTokens) && r.relevance >= MIN_RELEVANCE);
  const relevant = ranked.filter(
    (r) => r.relevance >= MIN_RELEVANCE && r.relevance >= RELATIVE_FLOOR * top && !(sizeMatched && sizeClash(r.candidate.id, queryTokens)),
  );
  relevant.sort((a, b) => b.score - a.score || b.relevance - a.relevance || (a.candidate.id < b.candidate.id ? -1 : 1));
  return relevant;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Match a name must reach to resolve to the original publisher's repo (re-uploads need 0.8). */
export const ORIGINAL_MIN_RELEVANCE = 0.7;

/**
 * The repo a model name resolves to among search results: not a variant the user did not ask for
 * ("Qwen2.5 72B Instruct" is not the -VL- model, "bge-large" not the reranker), the original
 * publisher's repo over re-uploads (trusted from 0.7), then the best match; null when nothing
 * reaches 0.8 (or 0.7 for the original publisher).
 */
export function bestNamedMatch<M extends { id: string; relevance: number; popularity: number }>(results: M[], queryTokens: string[]): M | null {
  const original = (m: M) => m.relevance >= ORIGINAL_MIN_RELEVANCE && fromOriginalPublisher(m.id);
  const rank = (m: M) => (unaskedVariant(m.id, queryTokens) ? 2 : 0) + (original(m) ? 0 : 1);
  const best = [...results].sort((a, b) => rank(a) - rank(b) || b.relevance - a.relevance || b.popularity - a.popularity)[0];
  return best && (best.relevance >= 0.8 || original(best)) ? best : null;
}
