/**
 * Plans with no model on GPUs: platforms and tools only (MLflow, a Ray cluster, vector DBs,
 * monitoring, Ollama with no model yet), a development environment for a team (JupyterHub with
 * per-user GPU profiles), and models served on CPUs. Each part is sized from users, data and
 * request rate (lib/sizing), then placed on CPU nodes — or GPU nodes for notebooks and Ollama.
 * Nothing here invents a model.
 */
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { HfSearchResult } from "@/lib/tools/hf-search";
import { cpuModelStack } from "./cpu-model-stack";
import { devStack } from "./dev-stack";
import { platformStack } from "./platform-stack";
import { GPU_OPERATOR, type ComponentPlan } from "./components";
import { chooseModels, findCharts, withLocalFit } from "./lookups";
import type { ArchitectFacts, ArchitectStep, ArchitectTools, StackKind } from "./types";

const MAX_COMPUTE = 10;
const NO_MODELS: HfSearchResult = { results: [], total_matches: 0, retrieval: "fulltext" };

export async function gatherWithoutGpuModel(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  assumptions: string[],
  tools: ArchitectTools,
  plan: { components: ComponentPlan[]; skippedStacks: string[] },
  onStep: (step: ArchitectStep, message: string) => void,
): Promise<ArchitectFacts> {
  const components = plan.components;
  const primary = components[0];
  const kind: StackKind = primary.component === "notebooks" ? "dev" : primary.runsModel ? "cpu_model" : "platform";
  if (primary.engine === "mlserver" && !spec.cpu_only) assumptions = [...assumptions, "Classical ML (XGBoost / LightGBM / scikit-learn) runs on CPUs: no GPU is planned."];
  onStep("local_check", "Checking the local Kubernetes cluster");
  const localRaw = await tools.localCheck({});
  onStep("compute_search", kind === "dev" ? "Searching GPU nodes for the team's notebooks" : "Searching CPU instances");
  const base = { spec, extras, components: components.map((c) => ({ component: c, charts: [] })) } as Pick<ArchitectFacts, "spec" | "extras" | "components">;
  const r =
    kind === "dev" ? await devStack(spec, extras, tools, base)
      : kind === "cpu_model" ? await cpuModelStack(spec, extras, tools, base)
        : await platformStack(spec, extras, tools, base);

  onStep("hf_search", "Searching Hugging Face models");
  const sizedSpec = r.sizedSpec ?? spec;
  const models = r.checkpoint.modelId || (kind === "cpu_model" && primary.engine !== "mlserver") ? await chooseModels(spec, extras, r.sizing, sizedSpec, r.checkpoint, tools) : { result: NO_MODELS, deployed: null };
  const checkpoint = !r.checkpoint.modelId && models.deployed ? { ...r.checkpoint, modelId: models.deployed.id } : r.checkpoint;
  if (checkpoint.modelId) r.parts[0] = { ...r.parts[0], model_id: checkpoint.modelId };
  onStep("k8s_search", "Searching Helm charts");
  const charts = await Promise.all(components.map(async (c) => ({ component: c, charts: await findCharts(tools, c.charts) })));
  const gpu = r.nodes.some((n) => n.role === "gpu");
  const gpuOperator = gpu ? ((await findCharts(tools, [GPU_OPERATOR]))[0] ?? null) : null;
  const secondaryModels = r.secondaryModels.filter((m) => !models.result.results.some((x) => x.id === m.id));
  const compute = r.compute.slice(0, MAX_COMPUTE);
  return {
    spec, extras, assumptions: [...assumptions, ...r.assumptions], sizing: r.sizing, sizedSpec, checkpoint,
    local: withLocalFit(localRaw, r.sizing),
    compute: { results: compute, total_matches: compute.length, query: r.query as never },
    layouts: compute.map(() => r.layout),
    fits: compute.length > 0,
    cheapestFit: null, overBudget: null, quantizedAlternative: null, spotAlternative: null,
    models: { ...models.result, results: [...models.result.results.slice(0, 1), ...secondaryModels, ...models.result.results.slice(1)] },
    components: charts,
    extraPackages: [],
    gpuOperator,
    skippedStacks: plan.skippedStacks,
    computeQuery: r.query,
    stack: { kind, parts: r.parts, nodes: r.nodes, notes: r.notes },
  };
}

