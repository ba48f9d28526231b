// Tool latency: each search tool over SQL next to an in-memory scan of the same rows, in the same
// process. Run through bench/run.ts (`npm run bench -- --only tools`).
import { isDeepStrictEqual } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { allInstances, searchInstances } from "@/db/queries/instances";
import type { ChartRow } from "@/db/queries/packages";
import type { ModelFilters, ModelRowOut } from "@/db/queries/models";
import { normalizeComputeQuery } from "@/lib/search/compute-query";
import { rankInstances, type InstanceCandidate } from "@/lib/search/compute-ranking";
import { chartScore, compareCharts } from "@/lib/search/k8s-ranking";
import { rankModels, type ModelCandidate } from "@/lib/search/hf-ranking";
import { informativeTokens, queryTokens } from "@/lib/search/text-query";
import { computeSearchBodySchema, hfSearchBodySchema, k8sSearchBodySchema, type ComputeSearchInput } from "@/lib/schemas/tools";
import { computeSearch, toInstanceOption } from "@/lib/tools/compute-search";
import { hfQueryTerms, hfSearch, toModelOption } from "@/lib/tools/hf-search";
import { k8sSearch, toPackageOption } from "@/lib/tools/k8s-search";
import { ms, ratio, stats, table, timed, type BenchOptions, type Stats } from "./lib";

// ---------------------------------------------------------------------------------------------
// Query sets: what the architect and users actually send (sizing-derived memory floors, GPU
// names in every spelling, provider/region/spot/price filters, CPU-only).

export const COMPUTE_QUERIES: ComputeSearchInput[] = [
  { min_total_gpu_memory_gb: 24 },
  { min_total_gpu_memory_gb: 80 },
  { min_total_gpu_memory_gb: 160, top_k: 40 },
  { min_total_gpu_memory_gb: 320, top_k: 40 },
  { min_total_gpu_memory_gb: 640 },
  { gpu_model: "H100", min_gpu_count: 8 },
  { gpu_model: "a100-80gb", top_k: 40 },
  { gpu_model: "a6000", top_k: 100 },
  { gpu_model: "rtx 4090" },
  { gpu_model: "L4", regions: ["europe"], spot: true },
  { gpu_model: "L40S", top_k: 20 },
  { providers: ["aws"], min_gpu_count: 1, top_k: 100 },
  { providers: ["gcp", "azure"], min_total_gpu_memory_gb: 80, regions: ["us"] },
  { min_gpu_memory_gb: 24, regions: ["us-east"], top_k: 30 },
  { min_gpu_memory_gb: 48, regions: ["US"], top_k: 50 },
  { spot: true, min_total_gpu_memory_gb: 80, top_k: 20 },
  { exclude_providers: ["aws", "gcp", "azure"], min_total_gpu_memory_gb: 80 },
  { max_price_per_hour_usd: 2, min_total_gpu_memory_gb: 40 },
  { gpu: "any", max_price_per_hour_usd: 0.2, top_k: 40 },
  { gpu: "none", min_vcpus: 16, min_memory_gb: 64, providers: ["aws"], top_k: 25 },
  { gpu: "none", min_vcpus: 8 },
  // Shapes the architect derives from a sizing (lib/agents/architect/derive.ts):
  { gpu: "required", top_k: 40, gpu_vendor: "nvidia", modern_gpus_only: true, min_total_gpu_memory_gb: 155.6 },
  { gpu: "required", top_k: 40, gpu_vendor: "nvidia", modern_gpus_only: true, min_total_gpu_memory_gb: 17.8, max_price_per_hour_usd: 1.36 },
  { gpu: "required", top_k: 40, gpu_vendor: "nvidia", modern_gpus_only: true, min_total_gpu_memory_gb: 35.6, min_gpu_memory_gb: 35.6, regions: ["eu", "europe", "de", "fr"] },
];

export const K8S_QUERIES: { query: string; top_k?: number }[] = [
  { query: "mlflow" },
  { query: "ray" },
  { query: "kuberay operator", top_k: 5 },
  { query: "jupyter" },
  { query: "jupyterhub", top_k: 5 },
  { query: "postgres" },
  { query: "vector database" },
  { query: "qdrant" },
  { query: "monitoring" },
  { query: "kube-prometheus-stack", top_k: 5 },
  { query: "grafana dashboards" },
  { query: "vllm", top_k: 6 },
  { query: "kserve", top_k: 5 },
  { query: "gpu-operator", top_k: 5 },
  { query: "kubeflow trainer", top_k: 5 },
  { query: "redis cache" },
  { query: "open webui" },
  { query: "object storage s3" },
];

export const HF_QUERIES: { query: string; task?: string; max_params_b?: number; popular_in_task?: boolean; top_k?: number }[] = [
  { query: "Llama 3.1 8B Instruct", task: "text-generation" },
  { query: "meta llama Llama 3 70B", task: "text-generation" },
  { query: "Mistral 7B", task: "text-generation" },
  { query: "qwen2.5 coder" },
  { query: "gemma 2 9b" },
  { query: "stable diffusion xl", task: "text-to-image" },
  { query: "whisper large v3" },
  { query: "yolov8" },
  { query: "bge embeddings" },
  { query: "instruct chat", task: "text-generation", popular_in_task: true },
  { query: "instruct chat", task: "text-generation", popular_in_task: true, max_params_b: 8 },
  { query: "object detection vision", task: "object-detection", popular_in_task: true },
  { query: "text to image diffusion", task: "text-to-image", popular_in_task: true },
  { query: "speech recognition", task: "automatic-speech-recognition", popular_in_task: true },
  { query: "sentence embeddings", task: "feature-extraction", popular_in_task: true },
  { query: "vision language", task: "image-text-to-text", popular_in_task: true, max_params_b: 13 },
  { query: "code generation", max_params_b: 15 },
];

// ---------------------------------------------------------------------------------------------
// In-memory equivalents. Compute is the exact reference (rankInstances); charts and models are
// honest equivalents: every row loaded once and pre-tokenized (as the stored tsvectors are), then
// a full scan with prefix token matching per query and the same pure ranking as the tools.

/** Sorted unique lower-case [a-z0-9] tokens. */
function tokenSet(...texts: (string | null | undefined)[]): string[] {
  const s = new Set<string>();
  for (const t of texts) if (t) for (const w of t.toLowerCase().split(/[^a-z0-9]+/)) if (w) s.add(w);
  return [...s].sort();
}

const isPrefixTerm = (t: string) => t.length >= 3 && /[a-z]/.test(t);

/** Does a sorted token list hold `t` (as a prefix for 3+ letter terms, like the tsquery `t:*`)? */
function has(sorted: string[], t: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= sorted.length) return false;
  return isPrefixTerm(t) ? sorted[lo].startsWith(t) : sorted[lo] === t;
}

function countHits(sorted: string[], tokens: string[]): number {
  let n = 0;
  for (const t of tokens) if (has(sorted, t)) n++;
  return n;
}

interface MemChart {
  row: Omit<ChartRow, "nameRank" | "textRank">;
  nameToks: string[];
  textToks: string[];
  nameLower: string;
}

async function loadCharts(h: DbHandle): Promise<MemChart[]> {
  const rows = await h.query<Omit<ChartRow, "nameRank" | "textRank"> & { keywords: string[] }>(sql`
    SELECT id, name, repository, aliases, official, stars, deprecated, published, version, app_version AS "appVersion",
           description, install_command AS "installCommand", repository_url AS "repositoryUrl", license, keywords
    FROM cloud.k8s_packages`);
  return rows.map(({ keywords, ...r }) => ({
    row: { ...r, stars: r.stars === null ? null : Number(r.stars) },
    nameToks: tokenSet(r.name, ...r.aliases),
    textToks: tokenSet(r.description, r.repository, ...keywords),
    nameLower: r.name.toLowerCase(),
  }));
}

function memK8sSearch(charts: MemChart[], input: { query: string; top_k?: number }) {
  const q = k8sSearchBodySchema.parse(input);
  const tokens = queryTokens(q.query);
  if (!tokens.length) return { results: [], total_matches: 0 };
  const phrase = q.query.toLowerCase();
  const scored = [];
  for (const c of charts) {
    if (!q.include_deprecated && c.row.deprecated) continue;
    const nameHits = countHits(c.nameToks, tokens);
    const textHits = countHits(c.textToks, tokens);
    const aliasHit = c.row.aliases.some((a) => tokens.includes(a));
    if (!nameHits && !textHits && !aliasHit && !c.nameLower.includes(phrase)) continue;
    const cand = { ...c.row, nameRank: (0.6 * nameHits) / tokens.length, textRank: (0.3 * textHits) / tokens.length };
    const score = chartScore(cand, tokens, q.query);
    if (score > 0) scored.push({ ...cand, score });
  }
  scored.sort(compareCharts);
  return { results: scored.slice(0, q.top_k).map(toPackageOption), total_matches: scored.length };
}

interface MemModel {
  row: ModelRowOut;
  pipelineTag: string | null;
  recommended: string[];
  license: string | null;
  a: string[];
  b: string[];
  c: string[];
}

interface MemChunk {
  cardId: string;
  lang: string;
  text: string;
  toks: string[];
  len: number;
}

interface MemHf {
  models: MemModel[];
  byId: Map<string, MemModel>;
  chunks: MemChunk[];
  cardModels: Map<string, string[]>;
}

async function loadHf(h: DbHandle): Promise<MemHf> {
  const rows = await h.query<ModelRowOut & { tags: string[]; description: string | null; recommended: string[] }>(sql`
    SELECT id, author, pipeline_tag AS "pipelineTag", license, downloads, likes, params, gated, popularity,
           tags, description, recommended_for_tasks AS recommended
    FROM hf.models`);
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const models = rows.map((r): MemModel => ({
    row: {
      id: r.id, author: r.author, pipelineTag: r.pipelineTag, license: r.license, downloads: n(r.downloads), likes: n(r.likes),
      params: n(r.params), gated: r.gated, popularity: Number(r.popularity),
    },
    pipelineTag: r.pipelineTag,
    recommended: r.recommended,
    license: r.license,
    a: tokenSet(r.id.replace(/[/_.:-]+/g, " ")),
    b: tokenSet(r.pipelineTag, ...r.tags),
    c: tokenSet(r.description),
  }));
  const chunkRows = await h.query<{ cardId: string; lang: string; heading: string | null; text: string }>(sql`
    SELECT card_id AS "cardId", lang, heading, text FROM hf.card_chunks`);
  const chunks = chunkRows.map((c) => {
    const toks = tokenSet(c.heading, c.text);
    return { cardId: c.cardId, lang: c.lang, text: c.text, toks, len: toks.length };
  });
  const cardModels = new Map<string, string[]>();
  for (const l of await h.query<{ modelId: string; cardId: string }>(sql`SELECT model_id AS "modelId", card_id AS "cardId" FROM hf.model_to_card`)) {
    const xs = cardModels.get(l.cardId);
    if (xs) xs.push(l.modelId);
    else cardModels.set(l.cardId, [l.modelId]);
  }
  return { models, byId: new Map(models.map((m) => [m.row.id, m])), chunks, cardModels };
}

function passes(m: MemModel, f: ModelFilters): boolean {
  if (f.pipelineTags && !((m.pipelineTag && f.pipelineTags.includes(m.pipelineTag)) || m.recommended.some((t) => f.pipelineTags!.includes(t)))) return false;
  if (f.maxParams !== null && m.row.params !== null && m.row.params > f.maxParams) return false;
  if (f.license && !(m.license ?? "").toLowerCase().includes(f.license.toLowerCase())) return false;
  return true;
}

function topN<T>(xs: T[], n: number, cmp: (a: T, b: T) => number): T[] {
  return xs.sort(cmp).slice(0, n);
}

function memChunkCandidates(hf: MemHf, tokens: string[], all: boolean, f: ModelFilters, limit: number) {
  const hits: { cardId: string; text: string; rank: number }[] = [];
  for (const c of hf.chunks) {
    const k = countHits(c.toks, tokens);
    if (!k || (all && k < tokens.length)) continue;
    hits.push({ cardId: c.cardId, text: c.text, rank: (k / (1 + Math.log(1 + c.len))) * (c.lang === "en" ? 1 : 0.8) });
  }
  const best = new Map<string, { id: string; rank: number; text: string }>();
  for (const t of topN(hits, limit * 3, (a, b) => b.rank - a.rank)) {
    for (const id of hf.cardModels.get(t.cardId) ?? []) {
      const m = hf.byId.get(id);
      if (!m || !passes(m, f)) continue;
      const cur = best.get(id);
      if (!cur || t.rank > cur.rank) best.set(id, { id, rank: t.rank, text: t.text });
    }
  }
  return [...best.values()].sort((a, b) => b.rank - a.rank).slice(0, limit);
}

function memHfSearch(hf: MemHf, input: (typeof HF_QUERIES)[number]) {
  const CANDIDATES = 150;
  const q = hfSearchBodySchema.parse(input);
  const { tokens, filters } = hfQueryTerms(q);
  if (!tokens.length) return { results: [], total_matches: 0 };
  const informative = informativeTokens(tokens);
  // Models by id/tags/description (weights as the tsvector's A/B/C), all-terms matches first.
  const byModelAll: { id: string; rank: number; pop: number }[] = [];
  const byTaskAll: { id: string; recommended: boolean; pop: number }[] = [];
  for (const m of hf.models) {
    if (!passes(m, filters)) continue;
    if (q.popular_in_task && filters.pipelineTags) {
      byTaskAll.push({ id: m.row.id, recommended: m.recommended.some((t) => filters.pipelineTags!.includes(t)), pop: m.row.popularity });
    }
    let w = 0;
    for (const t of informative) w += has(m.a, t) ? 1 : has(m.b, t) ? 0.4 : has(m.c, t) ? 0.2 : 0;
    if (!w) continue;
    const all = tokens.every((t) => has(m.a, t) || has(m.b, t) || has(m.c, t));
    byModelAll.push({ id: m.row.id, rank: w / informative.length / 10 + (all ? 1 : 0), pop: m.row.popularity });
  }
  const byModel = topN(byModelAll, CANDIDATES, (a, b) => b.rank - a.rank || b.pop - a.pop);
  const byTask = topN(byTaskAll, 50, (a, b) => Number(b.recommended) - Number(a.recommended) || b.pop - a.pop || (a.id < b.id ? -1 : 1));
  const strict = informative.length > 1 ? memChunkCandidates(hf, informative, true, filters, CANDIDATES) : [];
  let byChunk = strict;
  if (strict.length < 20) {
    const seen = new Set(strict.map((r) => r.id));
    const loose = memChunkCandidates(hf, informative, false, filters, CANDIDATES);
    byChunk = [...strict, ...loose.filter((r) => !seen.has(r.id)).map((r) => ({ ...r, rank: r.rank * 0.5 }))];
  }
  const features = new Map<string, { modelRank: number; chunkRank: number; vectorSim: number | null; taskMatch?: "recommended" | "popular"; text?: string }>();
  const get = (id: string) => {
    let f = features.get(id);
    if (!f) features.set(id, (f = { modelRank: 0, chunkRank: 0, vectorSim: null }));
    return f;
  };
  for (const r of byTask) get(r.id).taskMatch = r.recommended ? "recommended" : "popular";
  for (const r of byModel) get(r.id).modelRank = r.rank;
  for (const r of byChunk) Object.assign(get(r.id), { chunkRank: r.rank, text: r.text });
  const cands: (ModelCandidate & { row: ModelRowOut; text?: string })[] = [...features.keys()].map((id) => {
    const row = hf.byId.get(id)!.row;
    return { id, author: row.author, popularity: row.popularity, ...features.get(id)!, row };
  });
  const ranked = rankModels(cands, tokens);
  const results = ranked.slice(0, q.top_k).map((r) => toModelOption(r, r.candidate.text));
  return { results, total_matches: ranked.length };
}

function memComputeSearch(rows: InstanceCandidate[], input: ComputeSearchInput) {
  const query = computeSearchBodySchema.parse(input);
  const nq = normalizeComputeQuery(query);
  const r = rankInstances(rows, nq);
  return { results: r.results.map((x) => toInstanceOption(x, nq.spot)), total_matches: r.totalMatches, query };
}

// ---------------------------------------------------------------------------------------------

export interface QueryTiming {
  label: string;
  sql: Stats;
  mem: Stats;
  totalMatches: number;
}

export interface ToolReport {
  tool: "compute_search" | "k8s_search" | "hf_search";
  queries: number;
  sql: Stats;
  mem: Stats;
  /** SQL p50 / in-memory p50 over all calls, and the median of the per-query p50 ratios. */
  ratioP50: number;
  ratioP95: number;
  medianQueryRatio: number;
  loadMs: number;
  perQuery: QueryTiming[];
}

/** Time `sqlFn` and `memFn` on each query: warm-up, then interleaved iterations (same conditions for both). */
async function benchPairs<Q>(
  tool: ToolReport["tool"],
  queries: Q[],
  label: (q: Q) => string,
  sqlFn: (q: Q) => Promise<{ total_matches: number }>,
  memFn: (q: Q) => { total_matches: number },
  opts: BenchOptions,
  loadMs: number,
): Promise<ToolReport> {
  const allSql: number[] = [];
  const allMem: number[] = [];
  const perQuery: QueryTiming[] = [];
  for (const q of queries) {
    for (let i = 0; i < opts.warmup; i++) {
      await sqlFn(q);
      memFn(q);
    }
    const s: number[] = [];
    const m: number[] = [];
    let total = 0;
    for (let i = 0; i < opts.iterations; i++) {
      const a = await timed(() => sqlFn(q));
      const b = await timed(() => memFn(q));
      s.push(a.ms);
      m.push(b.ms);
      total = a.value.total_matches;
    }
    allSql.push(...s);
    allMem.push(...m);
    perQuery.push({ label: label(q), sql: stats(s), mem: stats(m), totalMatches: total });
  }
  const sql = stats(allSql);
  const mem = stats(allMem);
  const ratios = perQuery.map((p) => p.sql.p50 / p.mem.p50).sort((a, b) => a - b);
  return {
    tool,
    queries: queries.length,
    sql,
    mem,
    ratioP50: sql.p50 / mem.p50,
    ratioP95: sql.p95 / mem.p95,
    medianQueryRatio: ratios[Math.floor((ratios.length - 1) / 2)],
    loadMs,
    perQuery,
  };
}

/** SQL and in-memory compute search must return exactly the same thing; throws otherwise. */
async function verifyCompute(h: DbHandle, rows: InstanceCandidate[]): Promise<void> {
  const bad: string[] = [];
  for (const input of COMPUTE_QUERIES) {
    const a = await computeSearch(h, input);
    const b = memComputeSearch(rows, input);
    if (a.total_matches === 0) bad.push(`${JSON.stringify(input)}: no match (pick queries that match, the empty path runs extra relaxation queries)`);
    if (a.total_matches !== b.total_matches || !isDeepStrictEqual(a.results, b.results)) {
      const diff = a.results.findIndex((x, i) => !isDeepStrictEqual(x, b.results[i]));
      bad.push(
        `${JSON.stringify(input)}: SQL total ${a.total_matches} vs in-memory ${b.total_matches}; first differing result #${diff}: ` +
          `${JSON.stringify(a.results[diff])} vs ${JSON.stringify(b.results[diff])}`,
      );
    }
  }
  // Both SQL forms (one-pass and two-phase), whichever the tool would pick, against the reference.
  for (const input of COMPUTE_QUERIES) {
    const nq = normalizeComputeQuery(computeSearchBodySchema.parse(input));
    const ref = rankInstances(rows, nq);
    for (const form of ["one-pass", "two-phase"] as const) {
      const r = await searchInstances(h, nq, form);
      if (r.total !== ref.totalMatches || !isDeepStrictEqual(r.rows, ref.results)) {
        bad.push(`${JSON.stringify(input)}: the ${form} SQL form differs from the in-memory reference (total ${r.total} vs ${ref.totalMatches})`);
      }
    }
  }
  if (bad.length) throw new Error(`compute search: SQL and in-memory results differ\n  ${bad.join("\n  ")}`);
}

export async function benchTools(h: DbHandle, opts: BenchOptions & { tools?: string[] }): Promise<ToolReport[]> {
  const want = (t: string) => !opts.tools || opts.tools.includes(t);
  const reports: ToolReport[] = [];
  if (want("compute")) {
    const { ms: loadMs, value: rows } = await timed(() => allInstances(h));
    await verifyCompute(h, rows);
    console.log(`[bench] compute: SQL (tool, and both SQL forms) and in-memory results identical on ${COMPUTE_QUERIES.length} queries (${rows.length} rows)`);
    reports.push(
      await benchPairs("compute_search", COMPUTE_QUERIES, (q) => JSON.stringify(q), (q) => computeSearch(h, q), (q) => memComputeSearch(rows, q), opts, loadMs),
    );
  }
  if (want("k8s")) {
    const { ms: loadMs, value: charts } = await timed(() => loadCharts(h));
    reports.push(await benchPairs("k8s_search", K8S_QUERIES, (q) => JSON.stringify(q), (q) => k8sSearch(h, q), (q) => memK8sSearch(charts, q), opts, loadMs));
  }
  if (want("hf")) {
    const { ms: loadMs, value: hf } = await timed(() => loadHf(h));
    reports.push(await benchPairs("hf_search", HF_QUERIES, (q) => JSON.stringify(q), (q) => hfSearch(h, q), (q) => memHfSearch(hf, q), opts, loadMs));
  }
  return reports;
}

export function formatToolReports(kind: string, reports: ToolReport[], verbose: boolean): string {
  const out = [
    `### Tools on ${kind}`,
    "",
    table(
      ["tool", "queries", "calls", "SQL p50 ms", "SQL p95 ms", "in-memory p50 ms", "in-memory p95 ms", "ratio p50", "ratio p95", "median per-query ratio", "in-memory load ms"],
      reports.map((r) => [
        r.tool, r.queries, r.sql.n, ms(r.sql.p50), ms(r.sql.p95), ms(r.mem.p50), ms(r.mem.p95),
        ratio(r.sql.p50, r.mem.p50), ratio(r.sql.p95, r.mem.p95), `${r.medianQueryRatio.toFixed(2)}×`, ms(r.loadMs),
      ]),
    ),
  ];
  if (verbose) {
    for (const r of reports) {
      out.push("", `${r.tool} per query (p50 / p95 ms):`, "");
      out.push(
        table(
          ["query", "matches", "SQL p50", "SQL p95", "mem p50", "mem p95", "ratio p50"],
          r.perQuery.map((p) => [`\`${p.label}\``, p.totalMatches, ms(p.sql.p50), ms(p.sql.p95), ms(p.mem.p50), ms(p.mem.p95), ratio(p.sql.p50, p.mem.p50)]),
        ),
      );
    }
  }
  return out.join("\n");
}
