import "server-only";
import type { DbHandle } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import type { ArchitectTools } from "@/lib/agents/architect/types";
import type { ModelResolver } from "@/lib/agents/requirements-engine";
import { llmEngine, type LlmEngine } from "@/lib/ai/provider";
import { config } from "@/lib/config";
import { catalogTools } from "@/lib/tools/catalog-tools";
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
  const { tools, resolveModel } = catalogTools(h, { memo, kubeconfigPath: config().KUBECONFIG, embed: queryEmbedder(h) });
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
