import type { z } from "zod";
import type { DbHandle } from "@/db/client";
import {
  chunkTextCandidates, chunkVectorCandidates, modelTextCandidates, modelsByIds, popularModels, topReposOfOrgs, type ModelFilters, type ModelRowOut,
} from "@/db/queries/models";
import { pipelineTagsFor } from "@/lib/search/hf-tasks";
import { familyLookup, rankModels, type ModelCandidate } from "@/lib/search/hf-ranking";
import { plainText } from "@/lib/search/plain-text";
import { andPrefixQuery, expandAbbreviations, informativeTokens, orPrefixQuery, queryTokens } from "@/lib/search/text-query";
import type { ModelOption } from "@/lib/schemas/plan";
import { hfSearchBodySchema, type HfSearchQuery } from "@/lib/schemas/tools";

export interface HfSearchResult {
  results: ModelOption[];
  total_matches: number;
  retrieval: "hybrid" | "vector" | "fulltext";
  note?: string;
}

/** Supplies a query vector when embeddings are ready for the stored chunks; null otherwise. */
export type QueryEmbedder = (text: string) => Promise<{ vector: number[] } | { unavailable: string }>;

const CANDIDATES = 150;

/** The hf_search tool: hybrid retrieval aggregated per model, filtered, ranked 0.6 × relevance + 0.4 × popularity. */
export async function hfSearch(
  h: DbHandle,
  input: z.input<typeof hfSearchBodySchema> | HfSearchQuery,
  embed?: QueryEmbedder,
): Promise<HfSearchResult> {
  const q = hfSearchBodySchema.parse(input);
  const { tokens, filters } = hfQueryTerms(q);
  const vectorOutcome = embed ? await embed(q.query) : { unavailable: "no embedding model is configured" };
  const vector = "vector" in vectorOutcome ? vectorOutcome.vector : null;
  if (!tokens.length && !vector) return { results: [], total_matches: 0, retrieval: "fulltext", note: "empty query" };

  const informative = informativeTokens(tokens);
  const [byModel, byChunk, byVector, byTask] = await Promise.all([
    tokens.length
      ? modelTextCandidates(h, { orQuery: orPrefixQuery(informative), andQuery: andPrefixQuery(tokens), filters, limit: CANDIDATES })
      : [],
    // A workload searched with its task's popular models ("object detection vision") has those as its
    // candidates: the any-word passage search over such common words only ranks thousands of passages.
    tokens.length ? chunkCandidates(h, informative, filters, !(q.popular_in_task && filters.pipelineTags)) : [],
    vector ? chunkVectorCandidates(h, { embedding: vector, filters, limit: CANDIDATES }) : [],
    q.popular_in_task && filters.pipelineTags ? popularModels(h, filters, 50) : [],
  ]);

  const features = new Map<
    string,
    { modelRank: number; chunkRank: number; vectorSim: number | null; taskMatch?: "recommended" | "popular"; familyMatch?: boolean; text?: string }
  >();
  const get = (id: string) => {
    let f = features.get(id);
    if (!f) features.set(id, (f = { modelRank: 0, chunkRank: 0, vectorSim: vector ? 0 : null }));
    return f;
  };
  for (const r of byTask) get(r.id).taskMatch = r.recommended ? "recommended" : "popular";
  for (const r of byModel) get(r.id).modelRank = r.rank;
  for (const r of byChunk) Object.assign(get(r.id), { chunkRank: r.rank, text: r.text });
  for (const r of byVector) {
    const f = get(r.id);
    f.vectorSim = r.sim;
    f.text ??= r.text;
  }

  const rows = await modelsByIds(h, [...features.keys()]);
  // Official first: when the candidates are derivatives of a family whose publisher has no matching
  // repo among them, and no original publisher's repo matches either ("YOLOv8" finds fine-tunes of
  // Ultralytics/YOLOv8, which the catalog lacks), add that publisher's most popular repos of the same
  // tasks (Ultralytics/YOLO26). One more round trip, full rows, and only then (familyLookup).
  const family = await familyRepos(h, rows, tokens, filters);
  for (const r of family) get(r.id).familyMatch = true;
  const known = new Set(rows.map((r) => r.id));
  const familyRows = family.filter((r) => !known.has(r.id));
  const cands: (ModelCandidate & { row: ModelRowOut })[] = [...rows, ...familyRows].map((row) => ({
    id: row.id,
    author: row.author,
    popularity: row.popularity,
    baseModel: row.baseModel,
    ...features.get(row.id)!,
    row,
  }));
  const ranked = rankModels(cands, tokens);
  const results = ranked.slice(0, q.top_k).map((r) => toModelOption(r, features.get(r.candidate.id)?.text));
  return {
    results,
    total_matches: ranked.length,
    retrieval: vector ? "hybrid" : "fulltext",
    ...(vector ? {} : { note: `full-text only: ${"unavailable" in vectorOutcome ? vectorOutcome.unavailable : ""}` }),
  };
}

/** The search terms (abbreviations expanded) and the filters of a model search. */
export function hfQueryTerms(q: HfSearchQuery): { tokens: string[]; filters: ModelFilters } {
  return {
    tokens: queryTokens(expandAbbreviations(q.query)),
    filters: {
      pipelineTags: q.task ? pipelineTagsFor(q.task) : null,
      maxParams: q.max_params_b !== undefined ? q.max_params_b * 1e9 : null,
      license: q.license ?? null,
    },
  };
}

/** Repos read per family publisher: its most popular releases (Ultralytics/YOLO26 for "YOLOv8"); a bound on the lookup, not a tuned figure. */
const FAMILY_REPOS_PER_ORG = 3;

/** The top repos (full rows) of the family publishers familyLookup names; in the common case none, and no query is made. */
async function familyRepos(h: DbHandle, rows: ModelRowOut[], tokens: string[], filters: ModelFilters): Promise<ModelRowOut[]> {
  const lookup = familyLookup(rows, tokens);
  if (!lookup) return [];
  const f = filters.pipelineTags || !lookup.pipelineTags.length ? filters : { ...filters, pipelineTags: lookup.pipelineTags };
  return topReposOfOrgs(h, lookup.orgs, f, FAMILY_REPOS_PER_ORG);
}

const SIZE_WORDS = new Set(["large", "huge", "base", "small", "tiny", "mini", "medium", "big"]);

/** Passages that contain every informative term; all-OR only when that finds too few (and `anyWord` allows it). */
async function chunkCandidates(h: DbHandle, tokens: string[], filters: ModelFilters, anyWord = true) {
  const strict = tokens.length > 1 ? await chunkTextCandidates(h, { tsquery: andPrefixQuery(tokens), filters, limit: CANDIDATES }) : [];
  if (strict.length >= 20 || (!anyWord && tokens.length > 1)) return strict;
  // Any-term passages: size words ("large", "huge", "base"…) name a variant, not a topic, and match most
  // cards' prose ("a large language model"); searched alone they rank thousands of passages for nothing.
  const topical = tokens.filter((t) => !SIZE_WORDS.has(t));
  const loose = await chunkTextCandidates(h, { tsquery: orPrefixQuery(topical.length ? topical : tokens), filters, limit: CANDIDATES });
  const seen = new Set(strict.map((r) => r.id));
  return [...strict, ...loose.filter((r) => !seen.has(r.id)).map((r) => ({ ...r, rank: r.rank * 0.5 }))];
}

/** A ranked model as the contract's ModelOption (with its best card passage, when one matched). */
export function toModelOption(
  { candidate: c, relevance, popularity, score }: { candidate: { id: string; row: ModelRowOut }; relevance: number; popularity: number; score: number },
  matchedText?: string,
): ModelOption {
  // The card passage as users read it: markdown tables, code, HTML and link targets removed.
  const passage = matchedText ? plainText(matchedText) : "";
  return {
    id: c.id,
    pipeline_tag: c.row.pipelineTag,
    params_b: c.row.params === null ? null : Math.round((c.row.params / 1e9) * 1000) / 1000,
    license: c.row.license,
    downloads: c.row.downloads,
    likes: c.row.likes,
    relevance,
    popularity,
    score,
    url: `https://huggingface.co/${c.id}`,
    gated: c.row.gated,
    ...(passage ? { matched_text: excerpt(passage) } : {}),
  };
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 240 ? `${t.slice(0, 237)}…` : t;
}
