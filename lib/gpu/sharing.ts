/**
 * Sharing one GPU between several users or workloads: MIG (hardware partitions with their own memory
 * and compute) and time-slicing (the device plugin hands out several "replicas" of one GPU).
 *
 * Sources:
 *  - MIG profiles and instance counts: NVIDIA GPU Operator `default-mig-parted-config`
 *    (github.com/NVIDIA/gpu-operator, assets/state-mig-manager/0400_configmap.yaml: the `all-<profile>`
 *    layouts give the maximum count of each profile on one GPU), which matches the NVIDIA MIG User Guide
 *    "Supported MIG Profiles" tables (A30, A100: 1g.5gb ×7, 2g.10gb ×3, 3g.20gb ×2, 4g.20gb ×1, 7g.40gb ×1).
 *    MIG needs compute capability ≥ 8.0 and only the GPUs in the MIG User Guide "Supported GPUs" table.
 *  - B300 profiles: AWS sagemaker-hyperpod-cli MIG config (PR #403), which names NVIDIA GPU Operator v25.3.0
 *    as its upstream: 1g.34gb ×7, 1g.67gb ×4, 2g.67gb ×3, 3g.135gb ×2, 4g.135gb ×1, 7g.269gb ×1.
 *  - Time-slicing: NVIDIA GPU Operator docs, "Time-Slicing GPUs in Kubernetes": any NVIDIA GPU the device
 *    plugin serves can be oversubscribed with `sharing.timeSlicing.resources[].replicas`; "unlike MIG, there is
 *    no memory or fault-isolation between replicas".
 *
 * Leaf module: imports only lib/gpu/specs.
 */
import { normalizeGpuName } from "./specs";

export interface MigProfile {
  /** Profile name as nvidia-smi and the GPU Operator write it ("3g.40gb"). */
  name: string;
  /** Memory of one instance, GB, as the profile name states it. */
  memory_gb: number;
  /** Compute slices (the "Ng" part: 1/7 of the SMs each on A100/H100, 1/4 on A30). */
  compute_slices: number;
  /** How many instances of this profile fit on one GPU. */
  max_instances: number;
}

export type SharingMode = "none" | "mig" | "time_slicing";

export interface GpuSharing {
  mode: SharingMode;
  mig_profile: string | null;
  /** Users (or pods) one GPU serves; always ≥ 1. */
  users_per_gpu: number;
  /** GPUs one user needs (> 1 only when the need exceeds one whole GPU). */
  gpus_per_user: number;
  /** GPU memory each user gets (MIG: the profile's memory; time-slicing: the budget, not enforced). */
  gpu_memory_gb_per_user: number;
  note: string;
}

/** Default cap on time-sliced replicas per GPU (stated default: beyond 8, each user gets < 1/8 of the SMs). */
export const DEFAULT_MAX_TIME_SLICED_USERS = 8;

/**
 * Share of a card planned for time-sliced users: 90%, the same planning margin as lib/sizing's
 * DEFAULT_MAX_UTILIZATION, leaving room for each sharing process's CUDA context.
 */
export const TIME_SLICING_USABLE_FRACTION = 0.9;

/** Smallest GPU memory need considered (GB): a need of 0 or an invalid figure is planned as this. */
export const MIN_GPU_SHARE_GB = 1;

const prof = (name: string, max_instances: number): MigProfile => {
  const m = /^(\d+)g\.(\d+)gb$/.exec(name);
  if (!m) throw new Error(`bad MIG profile name ${name}`);
  return { name, compute_slices: Number(m[1]), memory_gb: Number(m[2]), max_instances };
};

/** A100-80GB / A800-80GB / H100-80GB (identical layouts in the GPU Operator config). */
const PROFILES_80GB = [prof("1g.10gb", 7), prof("1g.20gb", 4), prof("2g.20gb", 3), prof("3g.40gb", 2), prof("4g.40gb", 1), prof("7g.80gb", 1)];

/** MIG profiles by canonical GPU name (lib/gpu/specs). */
const MIG_TABLE: Readonly<Record<string, readonly MigProfile[]>> = {
  // A100-40GB: the config also lists 1g.10gb ×4 for the 40 GB cards.
  A100: [prof("1g.5gb", 7), prof("1g.10gb", 4), prof("2g.10gb", 3), prof("3g.20gb", 2), prof("4g.20gb", 1), prof("7g.40gb", 1)],
  "A100-80GB": PROFILES_80GB,
  A800: PROFILES_80GB,
  H100: PROFILES_80GB,
  A30: [prof("1g.6gb", 4), prof("2g.12gb", 2), prof("4g.24gb", 1)],
  H200: [prof("1g.18gb", 7), prof("1g.35gb", 4), prof("2g.35gb", 3), prof("3g.71gb", 2), prof("4g.71gb", 1), prof("7g.141gb", 1)],
  // GH200 96 GB (H100-96GB layouts).
  GH200: [prof("1g.12gb", 7), prof("1g.24gb", 4), prof("2g.24gb", 3), prof("3g.48gb", 2), prof("4g.48gb", 1), prof("7g.96gb", 1)],
  B200: [prof("1g.23gb", 7), prof("1g.45gb", 4), prof("2g.45gb", 3), prof("3g.90gb", 2), prof("4g.90gb", 1), prof("7g.180gb", 1)],
  GB200: [prof("1g.23gb", 7), prof("1g.47gb", 4), prof("2g.47gb", 3), prof("3g.93gb", 2), prof("4g.93gb", 1), prof("7g.186gb", 1)],
  B300: [prof("1g.34gb", 7), prof("1g.67gb", 4), prof("2g.67gb", 3), prof("3g.135gb", 2), prof("4g.135gb", 1), prof("7g.269gb", 1)],
  // RTX PRO 6000 Blackwell (96 GB): at most 4 instances.
  RTXPRO6000: [prof("1g.24gb", 4), prof("2g.48gb", 2), prof("4g.96gb", 1)],
};

function canonicalOf(gpuModel: string): { canonical: string; memoryGb: number | null; vendor: string; kind: string } | null {
  if (typeof gpuModel !== "string" || !gpuModel.trim()) return null;
  const n = normalizeGpuName(gpuModel);
  return n ? { canonical: n.canonical, memoryGb: n.memoryGb, vendor: n.vendor, kind: n.kind } : null;
}

/** MIG profiles of a GPU (catalog or user spelling: "A100", "H100-MEGA", "a100 80gb"); [] when it has no MIG. */
export function migProfilesFor(gpuModel: string): MigProfile[] {
  const c = canonicalOf(gpuModel);
  return c ? (MIG_TABLE[c.canonical] ?? []).map((p) => ({ ...p })) : [];
}

/** Whether the GPU supports MIG. */
export function supportsMig(gpuModel: string): boolean {
  return migProfilesFor(gpuModel).length > 0;
}

/** Time-slicing works on every NVIDIA GPU served by the NVIDIA device plugin (not on AMD, TPUs or others). */
export function supportsTimeSlicing(gpuModel: string): boolean {
  const c = canonicalOf(gpuModel);
  return c !== null && c.kind === "gpu" && c.vendor === "NVIDIA";
}

const NO_ISOLATION = "time-slicing gives no memory or fault isolation: one user exceeding the budget can run the others out of memory (NVIDIA GPU Operator docs)";

/**
 * How to share `gpuModel` between users who each need `perUserGpuMemoryGb` of GPU memory:
 *  1. MIG, with the smallest profile whose memory ≥ the need (ties: the one with more instances), when it
 *     puts more than one user on the GPU;
 *  2. else time-slicing, users_per_gpu = floor(usable memory / need), usable = 90% of the card, at most
 *     `maxUsersPerGpu` (default 8), when that is ≥ 2;
 *  3. else one GPU per user (or several when the need exceeds one card).
 */
export function gpuSharingOptions(
  gpuModel: string,
  perUserGpuMemoryGb: number,
  opts: { maxUsersPerGpu?: number } = {},
): GpuSharing {
  const cap = Number.isFinite(opts.maxUsersPerGpu) && (opts.maxUsersPerGpu as number) >= 1
    ? Math.floor(opts.maxUsersPerGpu as number)
    : DEFAULT_MAX_TIME_SLICED_USERS;
  const validNeed = Number.isFinite(perUserGpuMemoryGb) && perUserGpuMemoryGb > 0;
  const need = validNeed ? Math.max(perUserGpuMemoryGb, MIN_GPU_SHARE_GB) : MIN_GPU_SHARE_GB;
  const needNote = validNeed ? "" : ` (no valid per-user GPU memory given: planned as ${MIN_GPU_SHARE_GB} GB)`;

  const c = canonicalOf(gpuModel);
  if (!c || c.kind !== "gpu" || c.memoryGb === null || c.memoryGb <= 0) {
    return {
      mode: "none", mig_profile: null, users_per_gpu: 1, gpus_per_user: 1, gpu_memory_gb_per_user: need,
      note: `Unknown GPU "${gpuModel}": planned as one GPU per user${needNote}.`,
    };
  }
  const mem = c.memoryGb;
  if (need > mem) {
    const gpus = Math.ceil(need / mem);
    return {
      mode: "none", mig_profile: null, users_per_gpu: 1, gpus_per_user: gpus, gpu_memory_gb_per_user: gpus * mem,
      note: `${need} GB per user exceeds one ${c.canonical} (${mem} GB): ${gpus} GPUs per user, no sharing.`,
    };
  }

  const fitting = (MIG_TABLE[c.canonical] ?? [])
    .filter((p) => p.memory_gb >= need)
    .sort((a, b) => a.memory_gb - b.memory_gb || b.max_instances - a.max_instances);
  const mig = fitting[0];
  if (mig && mig.max_instances > 1) {
    return {
      mode: "mig", mig_profile: mig.name, users_per_gpu: mig.max_instances, gpus_per_user: 1, gpu_memory_gb_per_user: mig.memory_gb,
      note: `MIG ${mig.name} on ${c.canonical}: ${mig.max_instances} isolated instances per GPU, ${mig.memory_gb} GB and ${mig.compute_slices} compute slice(s) each (NVIDIA MIG profiles)${needNote}.`,
    };
  }

  if (supportsTimeSlicing(c.canonical)) {
    const usable = mem * TIME_SLICING_USABLE_FRACTION;
    const fit = Math.floor(usable / need);
    const users = Math.min(cap, fit);
    if (users >= 2) {
      const capped = fit > cap ? `; capped at ${cap} users per GPU (stated default)` : "";
      return {
        mode: "time_slicing", mig_profile: null, users_per_gpu: users, gpus_per_user: 1, gpu_memory_gb_per_user: need,
        note: `Time-slicing ${c.canonical}: floor(${mem} GB × ${TIME_SLICING_USABLE_FRACTION} / ${need} GB) = ${fit} users per GPU${capped}; ${NO_ISOLATION}${needNote}.`,
      };
    }
  }

  const why = supportsTimeSlicing(c.canonical)
    ? `only one ${need} GB share fits in 90% of ${mem} GB`
    : `${c.vendor} GPUs are not shared by the NVIDIA device plugin`;
  return {
    mode: "none", mig_profile: null, users_per_gpu: 1, gpus_per_user: 1, gpu_memory_gb_per_user: mem,
    note: `One ${c.canonical} per user: ${why}${needNote}.`,
  };
}
