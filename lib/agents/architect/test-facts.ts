/** Test helper: complete ArchitectFacts from the parts a test cares about, with layouts computed as gather.ts does. */
import { emptyExtras } from "@/lib/agents/requirements/types";
import { layoutOn } from "@/lib/sizing";
import type { ArchitectFacts } from "./types";
import { architectureOf } from "./checkpoint";
import { primaryComponent } from "./components";
import { shards } from "./derive";

type Core = Pick<ArchitectFacts, "spec" | "sizing" | "compute"> & Partial<ArchitectFacts>;

export function completeFacts(p: Core): ArchitectFacts {
  const spec = p.spec;
  const primary = primaryComponent(spec);
  const kind = primary.component === "training_job" ? "sharded_training" : shards(spec) && primary.component === "llm" ? "llm_serving" : "single_gpu";
  const arch = architectureOf(spec);
  const layouts = p.layouts ?? p.compute.results.map((r) =>
    layoutOn(p.sizing, { gpuCount: r.gpu_count, perGpuGb: r.gpu_memory_gb_per_gpu ?? r.gpu_memory_gb / Math.max(1, r.gpu_count) }, { kind, heads: arch?.heads, layers: arch?.layers, maxGpus: spec.gpu?.count }));
  return {
    extras: emptyExtras(),
    assumptions: [],
    sizedSpec: spec,
    checkpoint: { modelId: spec.model?.hf_id ?? null, precision: spec.precision ?? null, quantization: null, reason: spec.model?.hf_id ? "named" : "none" },
    local: { connected: false, message: "" },
    layouts,
    fits: layouts[0]?.fits ?? false,
    cheapestFit: null,
    overBudget: null,
    quantizedAlternative: null,
    spotAlternative: null,
    models: { results: [], total_matches: 0, retrieval: "fulltext" },
    components: [{ component: primary, charts: [] }],
    extraPackages: [],
    gpuOperator: null,
    skippedStacks: [],
    computeQuery: { gpu: "required", top_k: 40 },
    ...p,
  };
}
