import type { DbHandle } from "@/db/client";
import { findModelByName } from "@/db/queries/models";
import type { ArchitectTools } from "@/lib/agents/architect/types";
import type { ModelResolver } from "@/lib/agents/requirements-engine";
import { localCheck } from "@/lib/cluster";
import { computeSearch } from "./compute-search";
import { hfSearch, type QueryEmbedder } from "./hf-search";
import { k8sSearch } from "./k8s-search";
import { bestNamedMatch } from "@/lib/search/hf-ranking";
import { expandAbbreviations, queryTokens } from "@/lib/search/text-query";
import { lookupModels, quantizedVariants } from "./model-lookup";

export type Memo = <T>(tool: string, input: unknown, fn: () => Promise<T>) => Promise<T>;

/**
 * The architect's four tools over one database, plus model-name resolution, each call passed
 * through `memo` (the server memoizes per catalog load; benchmarks measure with and without).
 */
export function catalogTools(
  h: DbHandle,
  opts: { memo: Memo; kubeconfigPath?: string; inCluster?: boolean; embed?: QueryEmbedder },
): { tools: ArchitectTools; resolveModel: ModelResolver } {
  const { memo } = opts;
  const tools: ArchitectTools = {
    localCheck: () => localCheck({ kubeconfigPath: opts.kubeconfigPath, inCluster: opts.inCluster }),
    computeSearch: (q) => memo("compute", q, () => computeSearch(h, q)),
    hfSearch: (q) => memo("hf", q, () => hfSearch(h, q, opts.embed)),
    k8sSearch: (q) => memo("k8s", q, () => k8sSearch(h, q)),
    lookupModels: (ids) => memo("models", ids, () => lookupModels(h, ids)),
    quantizedVariants: (baseId) => memo("variants", baseId, () => quantizedVariants(h, baseId)),
  };
  const resolveModel: ModelResolver = (name) =>
    memo("resolve", name, async () => {
      const exact = await findModelByName(h, name);
      if (exact) return { hf_id: exact.id, params_b: exact.params === null ? null : exact.params / 1e9 };
      // Resolution wants the model that was named: not a variant the user did not ask for ("Qwen2.5
      // 72B Instruct" is not the -VL- model), the original publisher's repo over re-uploads, then the best match.
      // The same (memoized) search the architect runs for a named model: one search, not two.
      const r = await tools.hfSearch({ query: name, top_k: 5 });
      const best = bestNamedMatch(r.results, queryTokens(expandAbbreviations(name)));
      return best ? { hf_id: best.id, params_b: best.params_b } : null;
    });
  return { tools, resolveModel };
}
