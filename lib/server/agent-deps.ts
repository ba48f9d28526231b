import "server-only";
import type { DbHandle } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import { findModelByName } from "@/db/queries/models";
import type { ArchitectTools } from "@/lib/agents/architect/types";
import type { ModelResolver } from "@/lib/agents/requirements-engine";
import { llmEngine, type LlmEngine } from "@/lib/ai/provider";
import { localCheck } from "@/lib/cluster";
import { config } from "@/lib/config";
import { computeSearch } from "@/lib/tools/compute-search";
import { hfSearch } from "@/lib/tools/hf-search";
import { k8sSearch } from "@/lib/tools/k8s-search";
import { queryEmbedder } from "./query-embedder";
import { ToolCache } from "./tool-cache";

type ToolsOverride = (tools: ArchitectTools) => ArchitectTools;
const g = globalThis as unknown as {
  __stack8sToolCache?: ToolCache;
  __stack8sCatalogVersion?: { at: number; v: string };
  __stack8sToolsOverride?: ToolsOverride;
};
const cache = (g.__stack8sToolCache ??= new ToolCache());

/** The loaded catalog's identity (re-read every 10 s, so a reload from another process is noticed). */
async function catalogVersion(h: DbHandle): Promise<string> {
  const c = g.__stack8sCatalogVersion;
  if (c && Date.now() - c.at < 10_000) return c.v;
  const m = await getMeta<{ loaded_at?: string }>(h.db, "catalog");
  const v = `${h.kind}:${m?.loaded_at ?? "none"}`;
  g.__stack8sCatalogVersion = { at: Date.now(), v };
  return v;
}

/** The real tools over the database, memoized per catalog load; plus model lookup and the LLM. */
export async function agentDeps(h: DbHandle): Promise<{ tools: ArchitectTools; resolveModel: ModelResolver; llm: LlmEngine | null }> {
  const version = await catalogVersion(h);
  const memo = <T,>(tool: string, input: unknown, fn: () => Promise<T>) => cache.get(version, `${tool}:${JSON.stringify(input)}`, fn);
  const tools: ArchitectTools = {
    localCheck: () => localCheck({ kubeconfigPath: config().KUBECONFIG }),
    computeSearch: (q) => memo("compute", q, () => computeSearch(h, q)),
    hfSearch: (q) => memo("hf", q, () => hfSearch(h, q, queryEmbedder(h))),
    k8sSearch: (q) => memo("k8s", q, () => k8sSearch(h, q)),
  };
  const resolveModel: ModelResolver = (name) =>
    memo("resolve", name, async () => {
      const exact = await findModelByName(h, name);
      if (exact) return { hf_id: exact.id, params_b: exact.params === null ? null : exact.params / 1e9 };
      // Resolution wants the model that was named, so the best id match wins (popularity breaks ties).
      const r = await hfSearch(h, { query: name, top_k: 5 });
      const best = [...r.results].sort((a, b) => b.relevance - a.relevance || b.popularity - a.popularity)[0];
      return best && best.relevance >= 0.8 ? { hf_id: best.id, params_b: best.params_b } : null;
    });
  const override = g.__stack8sToolsOverride;
  return { tools: override ? override(tools) : tools, resolveModel, llm: llmEngine(config()) };
}

/**
 * Test seam: wrap the real tools (e.g. make one throw to exercise the failed-pipeline path).
 * Pass null to restore. Integration tests only; nothing in the app calls it.
 */
export function setToolsOverrideForTests(fn: ToolsOverride | null): void {
  g.__stack8sToolsOverride = fn ?? undefined;
}
