/**
 * Development environments for N people (JupyterHub profileList): per-user CPU / RAM / home volume / GPU
 * share, how many users are active at once, how many GPUs (shared with MIG or time-slicing when a GPU model
 * is given) and how many GPU nodes that makes.
 *
 * Totals follow The Littlest JupyterHub "Resource estimation" guide (tljh docs, howto/admin/resource-estimation):
 *   memory = max concurrent users × memory per user + 128 MB (JupyterHub overhead)
 *   CPU    = max concurrent users × CPU per user + 20 %
 *   disk   = total users × disk per user + 2 GB (OS and JupyterHub)
 * Per-user figures by purpose are stated defaults (no published per-purpose figure exists).
 */
import type { NotebookProfile } from "@/lib/schemas/plan";
import { gpuSharingOptions, type GpuSharing } from "@/lib/gpu/sharing";

/**
 * Idle culling (Zero to JupyterHub `cull` values, defaults in the z2jh chart's values.yaml and the
 * "Culling user pods" docs): servers idle for `cull.timeout` = 3600 s are stopped, checked every
 * `cull.every` = 600 s. Culling is what makes a concurrency ratio < 1 hold in practice.
 */
export const IDLE_CULL_TIMEOUT_S = 3600;
export const IDLE_CULL_EVERY_S = 600;

/** Up to this many users, everyone is planned as active at once (stated default). */
export const ALL_ACTIVE_UP_TO_USERS = 5;
/** Above that, the share of users active at once (stated default; idle culling frees the rest). */
export const DEFAULT_CONCURRENCY_RATIO = 0.5;

/** TLJH resource-estimation overheads. */
const HUB_OVERHEAD_GB = 0.128;
const CPU_HEADROOM = 1.2;
const OS_DISK_GB = 2;

export interface PerUser {
  vcpus: number;
  memory_gb: number;
  storage_gb: number;
  gpu_memory_gb: number;
}

interface PurposeDefault extends PerUser {
  label: string;
  why: string;
}

/** Per-user defaults by purpose (stated defaults, with the reasoning given in `why`). */
export const DEV_PURPOSE_DEFAULTS: Readonly<Record<string, PurposeDefault>> = {
  pytorch: {
    label: "PyTorch experimentation", vcpus: 4, memory_gb: 16, storage_gb: 50, gpu_memory_gb: 20,
    why: "20 GB of GPU memory, what a 24 GB-class card (L4 / A10G / RTX 4090) leaves usable, 4 vCPU, 16 GB RAM, 50 GB home volume",
  },
  llm_finetune: {
    label: "LLM fine-tuning", vcpus: 8, memory_gb: 64, storage_gb: 200, gpu_memory_gb: 40,
    why: "40 GB of GPU memory (a 48 GB-class card such as L40S / A6000) fits LoRA on a 7–8B model in bf16 (≈16 GB weights + adapters, optimizer state and activations); 64 GB RAM holds two bf16 copies of an 8B checkpoint while converting; 200 GB for checkpoints and datasets",
  },
  data_science: {
    label: "Data science (CPU)", vcpus: 2, memory_gb: 8, storage_gb: 20, gpu_memory_gb: 0,
    why: "pandas / scikit-learn work without a GPU: 2 vCPU, 8 GB RAM, 20 GB home volume",
  },
  cv: {
    label: "Computer vision", vcpus: 4, memory_gb: 16, storage_gb: 100, gpu_memory_gb: 14,
    why: "14 GB of GPU memory, a 16 GB-class card (T4 / V100 class) trains detection / classification models at moderate batch sizes; 100 GB for image datasets",
  },
};

export interface DevEnvironmentInput {
  users: number;
  purpose?: "pytorch" | "llm_finetune" | "data_science" | "cv" | string;
  gpu_memory_gb_per_user?: number;
  gpu_model?: string;
  per_node_gpus?: number;
  cpu_only?: boolean;
  concurrency_ratio?: number;
}

export interface DevEnvironmentSizing {
  profiles: NotebookProfile[];
  gpus_needed: number;
  /** GPU nodes, when per_node_gpus is given (else null). */
  gpu_nodes: number | null;
  concurrent_users: number;
  users: number;
  per_user: PerUser;
  /** Whole-hub CPU / RAM / disk for the concurrent users (TLJH resource-estimation formulas). */
  totals: { vcpus: number; memory_gb: number; storage_gb: number };
  sharing: GpuSharing | null;
  basis: string[];
  defaults: string[];
}

/** Nodes needed for `gpusNeeded` GPUs at `gpusPerNode` per node (0 GPUs → 0 nodes; invalid per-node → 1). */
export function nodesFor(gpusNeeded: number, gpusPerNode: number): number {
  if (!Number.isFinite(gpusNeeded) || gpusNeeded <= 0) return 0;
  const perNode = Number.isFinite(gpusPerNode) && gpusPerNode >= 1 ? Math.floor(gpusPerNode) : 1;
  return Math.ceil(gpusNeeded / perNode);
}

function purposeDefaults(purpose: string | undefined, defaults: string[]): PurposeDefault {
  const key = (purpose ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");
  const hit = DEV_PURPOSE_DEFAULTS[key];
  if (hit) return hit;
  defaults.push(
    purpose && purpose.trim()
      ? `Purpose "${purpose}" has no preset: sized as PyTorch experimentation (${DEV_PURPOSE_DEFAULTS.pytorch.why}).`
      : `No purpose given: sized as PyTorch experimentation (${DEV_PURPOSE_DEFAULTS.pytorch.why}).`,
  );
  return DEV_PURPOSE_DEFAULTS.pytorch;
}

function concurrentUsers(users: number, ratio: number | undefined, defaults: string[], basis: string[]): number {
  if (ratio !== undefined && Number.isFinite(ratio) && ratio > 0 && ratio <= 1) {
    const c = Math.max(1, Math.ceil(users * ratio));
    basis.push(`Concurrent users = ceil(${users} × ${ratio}) = ${c} (given concurrency ratio).`);
    return c;
  }
  if (ratio !== undefined) defaults.push(`Concurrency ratio ${ratio} is not in (0, 1]: ignored.`);
  if (users <= ALL_ACTIVE_UP_TO_USERS) {
    defaults.push(`No concurrency ratio given: with ≤ ${ALL_ACTIVE_UP_TO_USERS} users everyone is planned as active at once.`);
    return users;
  }
  const c = Math.max(ALL_ACTIVE_UP_TO_USERS, Math.ceil(users * DEFAULT_CONCURRENCY_RATIO));
  defaults.push(
    `No concurrency ratio given: ${c} concurrent users planned = max(${ALL_ACTIVE_UP_TO_USERS}, ceil(${users} × ${DEFAULT_CONCURRENCY_RATIO})) ` +
      `(idle servers are culled after ${IDLE_CULL_TIMEOUT_S} s, the Zero to JupyterHub default).`,
  );
  return c;
}

function cpuProfile(p: PerUser, isDefault: boolean): NotebookProfile {
  return {
    name: "CPU only",
    description: `${p.vcpus} vCPU, ${p.memory_gb} GB RAM, ${p.storage_gb} GB home volume, no GPU`,
    gpus: 0, gpu_sharing: "none", mig_profile: null, gpu_memory_gb: 0,
    vcpus: p.vcpus, memory_gb: p.memory_gb, default: isDefault,
  };
}

/**
 * Size development environments for `users` people. Defaults (purpose, concurrency, GPU memory) are listed
 * in `defaults`; every figure used is in `basis`.
 */
export function devEnvironmentSizing(input: DevEnvironmentInput): DevEnvironmentSizing {
  const basis: string[] = [];
  const defaults: string[] = [];
  let users = Math.floor(Number(input.users));
  if (!Number.isFinite(users) || users < 1) {
    defaults.push(`No valid user count given (${String(input.users)}): sized for 1 user.`);
    users = 1;
  }
  const preset = purposeDefaults(input.purpose, defaults);
  const givenGpu = input.gpu_memory_gb_per_user;
  const validGivenGpu = givenGpu !== undefined && Number.isFinite(givenGpu) && givenGpu >= 0;
  if (givenGpu !== undefined && !validGivenGpu) defaults.push(`GPU memory per user ${givenGpu} is not valid: preset used.`);
  let gpuMem = validGivenGpu ? (givenGpu as number) : preset.gpu_memory_gb;
  const cpuOnly = input.cpu_only === true || gpuMem === 0;
  if (input.cpu_only === true) gpuMem = 0;
  const per_user: PerUser = { vcpus: preset.vcpus, memory_gb: preset.memory_gb, storage_gb: preset.storage_gb, gpu_memory_gb: gpuMem };
  basis.push(`Per user (${preset.label}): ${preset.why}.`);
  if (validGivenGpu && !cpuOnly) basis.push(`GPU memory per user: ${gpuMem} GB (given).`);

  const concurrent = concurrentUsers(users, input.concurrency_ratio, defaults, basis);

  const totals = {
    vcpus: Math.ceil(concurrent * per_user.vcpus * CPU_HEADROOM),
    memory_gb: Math.ceil(concurrent * per_user.memory_gb + HUB_OVERHEAD_GB),
    storage_gb: Math.ceil(users * per_user.storage_gb + OS_DISK_GB),
  };
  basis.push(
    `Hub totals (TLJH resource estimation): CPU = ${concurrent} × ${per_user.vcpus} vCPU × 1.2 = ${totals.vcpus} vCPU; ` +
      `RAM = ${concurrent} × ${per_user.memory_gb} GB + 0.128 GB = ${totals.memory_gb} GB; ` +
      `disk = ${users} × ${per_user.storage_gb} GB + 2 GB = ${totals.storage_gb} GB.`,
  );

  if (cpuOnly) {
    basis.push("CPU-only environments: no GPUs.");
    return {
      profiles: [cpuProfile(per_user, true)], gpus_needed: 0, gpu_nodes: input.per_node_gpus !== undefined ? 0 : null,
      concurrent_users: concurrent, users, per_user, totals, sharing: null, basis, defaults,
    };
  }

  let sharing: GpuSharing | null = null;
  let gpus_needed: number;
  let gpuShare: number;
  let gpuProfile: NotebookProfile;
  if (input.gpu_model && input.gpu_model.trim()) {
    sharing = gpuSharingOptions(input.gpu_model, gpuMem);
    gpus_needed = sharing.mode === "none" ? concurrent * sharing.gpus_per_user : Math.ceil(concurrent / sharing.users_per_gpu);
    gpuShare = sharing.mode === "none" ? sharing.gpus_per_user : Math.round(1000 / sharing.users_per_gpu) / 1000;
    basis.push(sharing.note);
    basis.push(
      sharing.mode === "none"
        ? `GPUs = ${concurrent} concurrent users × ${sharing.gpus_per_user} = ${gpus_needed}.`
        : `GPUs = ceil(${concurrent} concurrent users / ${sharing.users_per_gpu} per GPU) = ${gpus_needed}.`,
    );
    gpuProfile = {
      name: sharing.mode === "mig" ? `GPU (MIG ${sharing.mig_profile})` : sharing.mode === "time_slicing" ? "GPU (shared)" : "GPU",
      description: `${per_user.vcpus} vCPU, ${per_user.memory_gb} GB RAM, ${sharing.gpu_memory_gb_per_user} GB of a ${input.gpu_model.trim()}` +
        (sharing.mode === "time_slicing" ? " (time-sliced, memory not isolated)" : sharing.mode === "mig" ? " (MIG instance)" : ""),
      gpus: gpuShare, gpu_sharing: sharing.mode, mig_profile: sharing.mig_profile, gpu_memory_gb: sharing.gpu_memory_gb_per_user,
      vcpus: per_user.vcpus, memory_gb: per_user.memory_gb, default: true,
    };
  } else {
    gpus_needed = concurrent;
    defaults.push(`No GPU model given: one GPU with ≥ ${gpuMem} GB per concurrent user (no sharing planned).`);
    basis.push(`GPUs = ${concurrent} concurrent users × 1 = ${gpus_needed}.`);
    gpuProfile = {
      name: "GPU",
      description: `${per_user.vcpus} vCPU, ${per_user.memory_gb} GB RAM, one GPU with ≥ ${gpuMem} GB`,
      gpus: 1, gpu_sharing: "none", mig_profile: null, gpu_memory_gb: gpuMem,
      vcpus: per_user.vcpus, memory_gb: per_user.memory_gb, default: true,
    };
  }

  let gpu_nodes: number | null = null;
  if (input.per_node_gpus !== undefined) {
    const perNode = Number.isFinite(input.per_node_gpus) && input.per_node_gpus >= 1 ? Math.floor(input.per_node_gpus) : 1;
    if (perNode !== input.per_node_gpus) defaults.push(`GPUs per node ${input.per_node_gpus} is not a whole number ≥ 1: planned as ${perNode}.`);
    gpu_nodes = nodesFor(gpus_needed, perNode);
    basis.push(`GPU nodes = ceil(${gpus_needed} GPUs / ${perNode} per node) = ${gpu_nodes}.`);
  }

  return {
    profiles: [cpuProfile(per_user, false), gpuProfile], gpus_needed, gpu_nodes,
    concurrent_users: concurrent, users, per_user, totals, sharing, basis, defaults,
  };
}
