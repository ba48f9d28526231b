/**
 * Catalog look-ups every plan makes, whatever its kind: the models list (the deployed checkpoint
 * first), the exact charts of each component, and whether the local cluster can hold the workload.
 */
import { gpusNeeded } from "@/lib/sizing";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ModelOption, Sizing } from "@/lib/schemas/plan";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { HfSearchResult } from "@/lib/tools/hf-search";
import type { LocalClusterStatus } from "@/lib/cluster";
import { architectureOf, sameArchitecture, type Checkpoint } from "./checkpoint";
import { deriveModelQuery } from "./derive";
import type { ArchitectTools, ChartQuery } from "./types";

/**
 * The models list: the deployed checkpoint first, then the search's matches. No model named: the
 * reference model the plan was sized on, and models of about its size.
 */
export async function chooseModels(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  sizing: Sizing,
  sizedSpec: WorkloadSpec,
  c: Checkpoint,
  tools: ArchitectTools,
): Promise<{ result: HfSearchResult; deployed: ModelOption | null }> {
  const searched = await tools.hfSearch(deriveModelQuery(spec, extras, sizing));
  let deployed: ModelOption | null = null;
  if (c.modelId) {
    deployed = searched.results.find((m) => m.id === c.modelId) ?? (tools.lookupModels ? ((await tools.lookupModels([c.modelId]))[0] ?? null) : null);
  } else if (c.reason === "search") {
    // Named by family only ("Llama 3 70B" not in the catalog by id): the best match of the same architecture.
    const arch = architectureOf(sizedSpec);
    deployed = searched.results.find((m) => sameArchitecture(m.id, arch)) ?? null;
  }
  const rest = searched.results.filter((m) => m.id !== deployed?.id);
  return { result: { ...searched, results: deployed ? [deployed, ...rest] : rest }, deployed };
}

/** The exact charts of a path (repository/name), at the catalog's version. */
export async function findCharts(tools: ArchitectTools, queries: ChartQuery[]) {
  const out = [];
  for (const q of queries) {
    const r = await tools.k8sSearch({ query: q.query, top_k: 20 });
    // The exact path when the plan names one; else the best match whose name fits the tool.
    const byName = () => r.results.find((p) => !q.expectName || q.expectName.test(p.name));
    const hit = q.repository ? (r.results.find((p) => p.repository === q.repository && p.name === q.name) ?? (q.fallbackByName ? byName() : undefined)) : byName();
    if (hit) out.push({ ...hit, purpose: q.purpose });
  }
  return out;
}

/** Does the workload fit on free GPUs of one local node? (labels give GiB; sizing uses GB) */
export function withLocalFit(local: LocalClusterStatus, sizing: Sizing): LocalClusterStatus {
  if (!local.connected || !local.nodes?.length) return local;
  const fits = local.nodes.some((n) => {
    if (!n.free_gpus || !n.gpu_memory_gb) return false;
    // Node labels give GiB, the nominal figure gpusNeeded takes (it converts to usable GB).
    const needed = gpusNeeded(sizing, n.gpu_memory_gb);
    return needed !== null && needed <= n.free_gpus;
  });
  return { ...local, fits };
}
