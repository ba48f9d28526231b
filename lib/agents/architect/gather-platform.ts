/**
 * Plans with no model on GPUs: platforms and tools only (MLflow, a Ray cluster, vector DBs,
 * monitoring, Ollama with no model yet), a development environment for a team (JupyterHub with
 * per-user GPU profiles), and models served on CPUs. Each part is sized from users, data and
 * request rate (lib/sizing), then placed on CPU nodes — or GPU nodes for notebooks and Ollama.
 * Nothing here invents a model.
 */
import { logicalGpuCount } from "@/lib/gpu/slices";
import { supportsMig } from "@/lib/gpu/sharing";
import { cpuServingReasonable, devEnvironmentSizing, usableGpuMemoryGb, type Layout } from "@/lib/sizing";
import type { InstanceOption, Sizing, StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import type { HfSearchResult } from "@/lib/tools/hf-search";
import { GPU_OPERATOR, type ComponentPlan } from "./components";
import { cpuSearchQuery, MAX_CPU_NODE, searchRows } from "./cpu-search";
import { hasRegionIntent } from "./derive";
import { chooseModels, findCharts, withLocalFit } from "./gather";
import { cpuModelNeed, NODE_RESERVE, platformNeed, totalNeed, type CpuNeed } from "./part-sizing";
import { placeServices } from "./placement";
import { resolvePartModel, sizeSecondaryParts } from "./stack";
import { modelStorageGb } from "./storage";
import type { ArchitectFacts, ArchitectStep, ArchitectTools, PartPlan, StackKind } from "./types";
import type { Checkpoint } from "./checkpoint";

const MAX_COMPUTE = 10;
const NO_MODELS: HfSearchResult = { results: [], total_matches: 0, retrieval: "fulltext" };
const NONE: Checkpoint = { modelId: null, precision: null, quantization: null, reason: "none" };
/** GPU memory for an Ollama server with no model named yet: 24 GB runs 4-bit models up to about 30B (stated default). */
export const OLLAMA_DEFAULT_GPU_GB = 24;
/** Team size when none was given (stated default). */
export const DEFAULT_TEAM = 5;

const cpuLayout = (replicas = 1): Layout => ({ tensor_parallel_size: null, pipeline_parallel_size: null, gpus_per_replica: 0, replicas, needed: 0, usable: 0, fits: true });

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

interface StackResult {
  sizing: Sizing;
  sizedSpec?: WorkloadSpec;
  checkpoint: Checkpoint;
  compute: InstanceOption[];
  layout: Layout;
  query: ComputeSearchInput;
  parts: PartPlan[];
  nodes: StackNode[];
  notes: string[];
  assumptions: string[];
  secondaryModels: NonNullable<Awaited<ReturnType<typeof resolvePartModel>>["model"]>[];
}

/** A node pool of `count` × instance holding the parts listed. */
function pool(id: string, x: InstanceOption, count: number, parts: string[]): StackNode {
  return { id, role: x.gpu_count ? "gpu" : "cpu", instance: x, count, components: parts, monthly_cost_usd: Math.round(x.monthly_cost_usd * count * 100) / 100 };
}

/** Nodes of `x` needed for a CPU total (whole nodes, each less its reserve). */
function cpuNodesFor(x: InstanceOption, total: { vcpus: number; memory_gb: number }): number {
  const v = Math.max(1, (x.vcpus ?? 0) - NODE_RESERVE.vcpus);
  const m = Math.max(1, (x.memory_gb ?? 0) - NODE_RESERVE.memory_gb);
  return Math.max(1, Math.ceil(total.vcpus / v), Math.ceil(total.memory_gb / m));
}

/** CPU nodes for a total need: one node when one holds it, else several of a large type; ranked by the pool's cost. */
async function cpuPool(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, total: { vcpus: number; memory_gb: number }) {
  const one = total.vcpus + NODE_RESERVE.vcpus <= MAX_CPU_NODE.vcpus && total.memory_gb + NODE_RESERVE.memory_gb <= MAX_CPU_NODE.memory_gb;
  const need = one ? total : { vcpus: Math.min(total.vcpus, 32), memory_gb: Math.min(total.memory_gb, 128) };
  const query = cpuSearchQuery(spec, extras, need);
  const rows = await searchRows(tools, query, extras);
  const ranked = rows
    .map((x) => ({ x: { ...x, ...(cpuNodesFor(x, total) > 1 ? { instance_count: cpuNodesFor(x, total) } : {}) }, n: cpuNodesFor(x, total) }))
    .sort((a, b) => a.x.price_per_hour_usd * a.n - b.x.price_per_hour_usd * b.n);
  return { query, ranked };
}

/** Platforms and tools only: all on CPU nodes, except Ollama (and GPUs the user pinned for Ray) on a GPU node. */
async function platformStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
  const comps = base.components.map((c) => c.component);
  const sized = await sizeSecondaryParts(base, tools, 0);
  const gpuIdx = spec.cpu_only ? -1 : comps.findIndex((c) => c.tool === "ollama" || (c.component === "distributed" && (spec.gpu?.count || spec.gpu?.model)));
  const parts: PartPlan[] = sized.parts.map((p) => ({ ...p.plan }));
  const cpuNeeds: CpuNeed[] = sized.parts.filter((p, i) => p.cpu && i !== gpuIdx).map((p) => p.cpu!);
  const notes = [...sized.notes];
  const assumptions: string[] = [];
  const nodes: StackNode[] = [];
  let compute: InstanceOption[] = [];
  let query: ComputeSearchInput;
  let sizing: Sizing;
  if (gpuIdx >= 0) {
    const c = comps[gpuIdx];
    const perGpu = spec.gpu?.memory_gb_per_gpu ?? OLLAMA_DEFAULT_GPU_GB;
    const count = spec.gpu?.count ?? 1;
    query = { gpu: "required", top_k: 40, min_gpu_count: count, min_gpu_memory_gb: spec.gpu?.model ? undefined : perGpu, ...(spec.gpu?.model ? { gpu_model: spec.gpu.model } : { gpu_vendor: "nvidia", modern_gpus_only: true }) };
    if (spec.providers?.length) query.providers = spec.providers;
    if (extras.excluded_providers.length) query.exclude_providers = extras.excluded_providers;
    const services = totalNeed(cpuNeeds);
    const gpuRows = await searchRows(tools, query, extras);
    const cpu = cpuNeeds.length ? await searchRows(tools, cpuSearchQuery(spec, extras, services), extras) : [];
    const host = { vcpus: parts[gpuIdx].resources?.vcpus ?? 4, memory_gb: parts[gpuIdx].resources?.memory_gb ?? 16 };
    const placed = placeServices({ primary: gpuRows, primaryCount: 1, primaryHost: host, services, cpu });
    compute = gpuRows.slice(placed.primaryIndex);
    const top = compute[0];
    const gpus = top ? logicalGpuCount(top.gpu_count) : count;
    parts[gpuIdx] = { ...parts[gpuIdx], gpus_per_replica: Math.max(1, Math.floor(gpus)), resources: { ...parts[gpuIdx].resources!, gpus: Math.max(1, Math.floor(gpus)) } };
    const what = c.tool === "ollama" ? "Ollama" : "the Ray workers";
    sizing = {
      memory_gb_required: perGpu,
      breakdown: { gpu_memory: perGpu },
      formula: `${what}: ${count} GPU(s) with ${perGpu} GB each${spec.gpu?.memory_gb_per_gpu || spec.gpu?.model ? " (as you asked)" : ` (stated default: ${OLLAMA_DEFAULT_GPU_GB} GB runs 4-bit models up to about 30B parameters)`}; no model is deployed, so none is sized`,
      assumptions: [],
      source: "user_constraint",
    };
    if (top) nodes.push(pool("gpu", top, 1, [c.component]));
    if (placed.cpu && !placed.together) nodes.push(pool("cpu", placed.cpu, 1, []));
    const svcNode = placed.together || !placed.cpu ? "gpu" : "cpu";
    parts.forEach((p, i) => {
      if (i === gpuIdx) p.node = top ? "gpu" : null;
      else {
        p.node = svcNode;
        nodes.find((n) => n.id === svcNode)?.components.push(comps[i].component);
      }
    });
  } else {
    const total = totalNeed(cpuNeeds);
    const r = await cpuPool(spec, extras, tools, total);
    query = r.query;
    compute = r.ranked.map((x) => x.x);
    const top = r.ranked[0];
    if (top) nodes.push(pool("cpu", top.x, top.n, comps.map((c) => c.component)));
    parts.forEach((p) => (p.node = top ? "cpu" : null));
    sizing = cpuSizing(`No GPU: ${comps.map((c) => c.tool ?? c.engine).join(" + ")} need ${total.vcpus} vCPU, ${total.memory_gb} GB RAM and ${total.storage_gb} GB disk in total`, parts);
  }
  return { sizing, checkpoint: NONE, compute, layout: cpuLayout(), query, parts, nodes, notes, assumptions, secondaryModels: sized.parts.map((p) => p.model).filter((m): m is NonNullable<typeof m> => !!m) };
}

/** A CPU plan's sizing: no GPU memory; the formula and assumptions say what the CPUs must hold. */
function cpuSizing(formula: string, parts: PartPlan[]): Sizing {
  return { memory_gb_required: 0, breakdown: {}, formula, assumptions: [...new Set(parts.flatMap((p) => p.basis))], source: "formula" };
}

/** A model on CPUs (and the other parts next to it), sized from the request rate. */
async function cpuModelStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
  const primary = base.components[0].component;
  const resolved = primary.part ? await resolvePartModel({ ...primary.part, model: spec.model ?? primary.part.model }, tools) : { model: null, id: spec.model?.hf_id ?? null, params_b: spec.model?.params_b, reference: null };
  const classical = primary.engine === "mlserver";
  // A classical model (XGBoost, scikit-learn) is the user's own: no repo; sized as a 10M-parameter model on CPUs (stated default).
  const params = spec.model?.params_b ?? (classical ? 0.01 : (resolved.params_b ?? extras.reference_model?.params_b ?? 0.1));
  const modelId = classical ? null : (spec.model?.hf_id ?? resolved.id ?? extras.reference_model?.hf_id ?? null);
  const llm = primary.component === "llm";
  const precision = llm ? "int4" : "fp32";
  const need = classical ? classicalNeed(spec) : cpuModelNeed(primary.component, params, spec, modelStorageGb(params, precision));
  const verdict = cpuServingReasonable({ kind: (["embeddings", "reranker", "llm", "vision", "speech"].includes(primary.component) ? primary.component : "other") as "other", params_b: params, requests_per_second: spec.requests_per_second });
  const sized = await sizeSecondaryParts(base, tools, 1);
  const parts: PartPlan[] = [
    { node: null, resources: need.resources, replicas: need.replicas, gpus_per_replica: 0, basis: need.basis, model_id: modelId, precision, fits: true },
    ...sized.parts.map((p) => ({ ...p.plan })),
  ];
  const notes = [...sized.notes];
  if (!verdict.reasonable && verdict.reason) notes.push(verdict.reason);
  const total = totalNeed([need, ...sized.parts.filter((p) => p.cpu).map((p) => p.cpu!)]);
  const r = await cpuPool(spec, extras, tools, total);
  const top = r.ranked[0];
  const nodes: StackNode[] = top ? [pool("cpu", top.x, top.n, base.components.map((c) => c.component.component))] : [];
  parts.forEach((p) => (p.node = top ? "cpu" : null));
  const rate = spec.requests_per_second;
  const sizing = cpuSizing(
    `CPU only: ${need.replicas} × ${need.resources.vcpus} vCPU and ${need.resources.memory_gb} GB RAM for ${modelId ?? "the model"}${rate ? ` at ${rate} requests/s` : ""}; ${total.vcpus} vCPU and ${total.memory_gb} GB RAM for the whole stack; no GPU memory`,
    parts,
  );
  const checkpoint: Checkpoint = { modelId, precision: classical ? null : precision, quantization: null, reason: classical ? "none" : spec.model?.hf_id ? "named" : "reference" };
  return {
    sizing, sizedSpec: { ...spec, precision }, checkpoint, compute: r.ranked.map((x) => x.x), layout: cpuLayout(need.replicas), query: r.query, parts, nodes, notes,
    assumptions: [], secondaryModels: sized.parts.map((p) => p.model).filter((m): m is NonNullable<typeof m> => !!m),
  };
}

const PURPOSE_RX: [RegExp, string][] = [
  [/fine[\s-]?tun|lora|llm|language model/i, "llm_finetune"],
  [/vision|detect|segment|image|yolo|cv\b/i, "cv"],
  [/pandas|sklearn|scikit|data analysis|analytics|sql/i, "data_science"],
];

/** A development environment for N people: per-user profiles, sharing where the card allows it, nodes from N × profile. */
async function devStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
  const text = `${spec.workload ?? ""} ${spec.model?.name ?? ""} ${spec.task ?? ""}`;
  const purpose = spec.cpu_only ? "data_science" : (PURPOSE_RX.find(([re]) => re.test(text))?.[1] ?? "pytorch");
  const users = spec.users ?? DEFAULT_TEAM;
  const assumptions = spec.users ? [] : [`No team size given: sized for ${DEFAULT_TEAM} users.`];
  // Sharing asked for: a slice per user instead of a whole card (stated defaults: a 10 GB MIG slice, 1g.10gb /
  // 2g.10gb class; an 8 GB time-sliced share for tutorials and small models).
  const wish = spec.cpu_only ? undefined : extras.gpu_sharing;
  const share = wish === "mig" ? 10 : wish ? 8 : undefined; // a sharing wish wins over the card named
  if (wish) assumptions.push(`GPU sharing asked for: each user gets a ${share} GB ${wish === "mig" ? "MIG slice" : "time-sliced share"} (stated default).`);
  // "20 people, 10 online at once": the concurrency the user gave sets the ratio.
  const ratio = spec.concurrency && spec.concurrency <= users ? spec.concurrency / users : undefined;
  // A card named ("one A10G each", "a 24 GB GPU each") is what each user gets: the need is its usable memory.
  const pinnedCard = spec.gpu?.memory_gb_per_gpu ? Math.floor(usableGpuMemoryGb(spec.gpu.memory_gb_per_gpu)) : undefined;
  const input = { users, purpose, cpu_only: spec.cpu_only, gpu_memory_gb_per_user: share ?? pinnedCard, concurrency_ratio: ratio };
  const generic = devEnvironmentSizing(input);
  const sized = await sizeSecondaryParts(base, tools, 1);
  const others = sized.parts.filter((p) => p.cpu).map((p) => p.cpu!);
  const hub = platformNeed(base.components[0].component, spec);
  const notes = [...sized.notes];
  const perUser = generic.per_user;
  const gpuUsers = !spec.cpu_only && perUser.gpu_memory_gb > 0;
  let query: ComputeSearchInput;
  let chosen: { x: InstanceOption; nodes: number; s: ReturnType<typeof devEnvironmentSizing> } | null = null;
  let ranked: { x: InstanceOption; nodes: number; s: ReturnType<typeof devEnvironmentSizing> }[] = [];
  if (gpuUsers) {
    query = { gpu: "required", top_k: hasRegionIntent(extras) ? 100 : 60, min_gpu_memory_gb: spec.gpu?.model ? undefined : wish === "mig" ? 40 : perUser.gpu_memory_gb, ...(spec.gpu?.model ? { gpu_model: spec.gpu.model } : { gpu_vendor: "nvidia", modern_gpus_only: true }) };
    if (spec.gpu?.count && spec.gpu.count > 1) query.min_gpu_count = spec.gpu.count;
    if (spec.providers?.length) query.providers = spec.providers;
    if (extras.excluded_providers.length) query.exclude_providers = extras.excluded_providers;
    const rows = await searchRows(tools, query, extras);
    ranked = rows
      .filter((x) => x.gpu_count >= 1 && x.gpu_model && (wish !== "mig" || supportsMig(x.gpu_model)))
      .map((x) => {
        const s = devEnvironmentSizing({ ...input, gpu_model: x.gpu_model!, per_node_gpus: logicalGpuCount(x.gpu_count) });
        const usersPerNode = Math.ceil(s.concurrent_users / Math.max(1, s.gpu_nodes ?? 1));
        const cpuNodes = Math.max(
          Math.ceil((s.concurrent_users * s.per_user.vcpus) / Math.max(1, (x.vcpus ?? 0) - NODE_RESERVE.vcpus)),
          Math.ceil((s.concurrent_users * s.per_user.memory_gb) / Math.max(1, (x.memory_gb ?? 0) - NODE_RESERVE.memory_gb)),
        );
        void usersPerNode;
        return { x, nodes: Math.max(1, s.gpu_nodes ?? 1, cpuNodes), s };
      })
      .sort((a, b) => a.x.price_per_hour_usd * a.nodes - b.x.price_per_hour_usd * b.nodes || a.nodes - b.nodes);
    chosen = ranked[0] ?? null;
  } else {
    const total = { vcpus: generic.concurrent_users * perUser.vcpus, memory_gb: generic.concurrent_users * perUser.memory_gb };
    const r = await cpuPool(spec, extras, tools, total);
    query = r.query;
    ranked = r.ranked.map(({ x, n }) => ({ x, nodes: n, s: generic }));
    chosen = ranked[0] ?? null;
  }
  const s = chosen?.s ?? generic;
  const nodes: StackNode[] = [];
  const parts: PartPlan[] = [];
  const services = totalNeed([hub, ...others]);
  let svcNode = "notebooks";
  if (chosen) {
    nodes.push(pool("notebooks", chosen.x, chosen.nodes, ["notebooks"]));
    // The hub and other services: on the notebook nodes when they have room, else a CPU node.
    const perNodeUsers = Math.ceil(s.concurrent_users / chosen.nodes);
    const host = { vcpus: perNodeUsers * s.per_user.vcpus, memory_gb: perNodeUsers * s.per_user.memory_gb };
    const cpu = await searchRows(tools, cpuSearchQuery(spec, extras, services), extras);
    const placed = placeServices({ primary: [chosen.x], primaryCount: chosen.nodes, primaryHost: host, services, cpu });
    if (!placed.together && placed.cpu) {
      nodes.push(pool("cpu", placed.cpu, 1, []));
      svcNode = "cpu";
    }
  }
  const defaultProfile = s.profiles.find((p) => p.default) ?? s.profiles[0];
  parts.push({
    node: chosen ? "notebooks" : null,
    resources: hub.resources,
    replicas: 1,
    gpus_per_replica: 0,
    basis: [...s.basis, ...s.defaults, ...hub.basis],
    model_id: null,
    profiles: s.profiles,
    users,
    fits: !!chosen,
  });
  for (const p of sized.parts) parts.push({ ...p.plan, node: chosen ? svcNode : null });
  nodes.find((n) => n.id === svcNode)?.components.push(...sized.parts.map((p) => base.components[p.index].component.component));
  const sharing = s.sharing ? ` (${s.sharing.mode === "mig" ? `MIG ${s.sharing.mig_profile}, ${s.sharing.users_per_gpu} users per GPU` : s.sharing.mode === "time_slicing" ? `time-slicing, ${s.sharing.users_per_gpu} users per GPU` : "one GPU per user"})` : "";
  // What each user needs (the profile may give more: a whole 24 GB card for a 20 GB need).
  const gpuPerUser = s.per_user.gpu_memory_gb || defaultProfile?.gpu_memory_gb || perUser.gpu_memory_gb;
  const sizing: Sizing = gpuUsers
    ? {
        memory_gb_required: gpuPerUser,
        breakdown: { per_user_gpu_memory: gpuPerUser },
        formula: `${users} users, ${s.concurrent_users} at once × ${gpuPerUser} GB of GPU memory each${sharing} → ${s.gpus_needed} GPU(s)${chosen ? ` → ${chosen.nodes} × ${chosen.x.instance_type} (${chosen.x.gpu_count} GPU each)` : ""}`,
        assumptions: [...s.basis, ...s.defaults],
        source: "formula",
      }
    : cpuSizing(`CPU notebooks: ${users} users, ${s.concurrent_users} at once × ${perUser.vcpus} vCPU and ${perUser.memory_gb} GB RAM each; no GPU`, parts);
  const compute = ranked.map((r) => (r.nodes > 1 ? { ...r.x, instance_count: r.nodes } : r.x));
  return { sizing, checkpoint: NONE, compute, layout: cpuLayout(), query, parts, nodes, notes, assumptions, secondaryModels: sized.parts.map((p) => p.model).filter((m): m is NonNullable<typeof m> => !!m) };
}

/** Rows per second one vCPU predicts with a tree ensemble or linear model, batched by MLServer (stated default). */
export const CLASSICAL_ROWS_PER_VCPU = 200;

/** A classical model (XGBoost, LightGBM, scikit-learn) on CPUs: vCPUs from the request rate. */
function classicalNeed(spec: WorkloadSpec): CpuNeed {
  const rate = spec.requests_per_second ?? 10;
  const vcpus = Math.max(2, Math.ceil(rate / (CLASSICAL_ROWS_PER_VCPU * 0.7)));
  return {
    resources: { vcpus, memory_gb: 4, storage_gb: 20, gpus: 0 },
    replicas: 1,
    basis: [
      `vCPUs = max(2, ceil(${rate} requests/s ÷ (${CLASSICAL_ROWS_PER_VCPU} predictions/s per vCPU × 70% target utilisation))) = ${vcpus} (stated default for a tree ensemble or linear model behind MLServer).`,
      ...(spec.requests_per_second ? [] : ["No request rate given: 10 requests/s (stated default)."]),
      "RAM 4 GB: the MLServer runtime plus a model of a few hundred MB (stated default).",
    ],
  };
}
