/** A development environment for N people: JupyterHub profiles, GPU sharing where the card allows it, nodes from N × profile. */
import { logicalGpuCount } from "@/lib/gpu/slices";
import { supportsMig } from "@/lib/gpu/sharing";
import { devEnvironmentSizing, usableGpuMemoryGb } from "@/lib/sizing";
import type { InstanceOption, Sizing, StackNode } from "@/lib/schemas/plan";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import type { ComputeSearchInput } from "@/lib/schemas/tools";
import { cpuSearchQuery, searchRows } from "./cpu-search";
import { hasRegionIntent } from "./derive";
import { NODE_RESERVE, platformNeed, totalNeed } from "./part-sizing";
import { placeServices } from "./placement";
import { sizeSecondaryParts } from "./stack";
import type { ArchitectFacts, ArchitectTools, PartPlan } from "./types";
import { cpuPool, cpuSizing, cpuLayout, NONE, pool, type StackResult } from "./stack-pools";

/** Team size when none was given (stated default). */
export const DEFAULT_TEAM = 5;

const PURPOSE_RX: [RegExp, string][] = [
  [/fine[\s-]?tun|lora|llm|language model/i, "llm_finetune"],
  [/vision|detect|segment|image|yolo|cv\b/i, "cv"],
  [/pandas|sklearn|scikit|data analysis|analytics|sql/i, "data_science"],
];

/** A development environment for N people: per-user profiles, sharing where the card allows it, nodes from N × profile. */
export async function devStack(spec: WorkloadSpec, extras: RequirementsExtras, tools: ArchitectTools, base: Pick<ArchitectFacts, "spec" | "extras" | "components">): Promise<StackResult> {
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
    if (extras.excluded_gpus?.length) query.exclude_gpu_models = extras.excluded_gpus;
    const rows = await searchRows(tools, query, extras);
    ranked = rows
      .filter((x) => x.gpu_count >= 1 && x.gpu_model && (wish !== "mig" || supportsMig(x.gpu_model)))
      .map((x) => {
        const s = devEnvironmentSizing({ ...input, gpu_model: x.gpu_model!, per_node_gpus: logicalGpuCount(x.gpu_count) });
        const cpuNodes = Math.max(
          Math.ceil((s.concurrent_users * s.per_user.vcpus) / Math.max(1, (x.vcpus ?? 0) - NODE_RESERVE.vcpus)),
          Math.ceil((s.concurrent_users * s.per_user.memory_gb) / Math.max(1, (x.memory_gb ?? 0) - NODE_RESERVE.memory_gb)),
        );
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

