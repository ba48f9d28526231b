/** GPU capacity of one Kubernetes node. Memory is per GPU, in GiB (MiB label / 1024, as nvidia-smi shows). */
export interface NodeGpuSummary {
  name: string;
  ready: boolean;
  /** Ready and not cordoned: only such nodes count toward free GPUs and fits. */
  schedulable: boolean;
  gpu_product: string | null;
  gpu_memory_gb: number | null;
  allocatable_gpus: number;
  requested_gpus: number;
  /** allocatable - requested (0 on an unschedulable node). */
  free_gpus: number;
}

export interface GpuRequirement {
  /** GPUs the workload needs on one node (default 1 when only memory is given). */
  requiredGpus?: number;
  /** Memory each GPU must have, GiB. */
  requiredGpuMemoryGb?: number;
}

export interface LocalClusterStatus {
  connected: boolean;
  message: string;
  context?: string;
  server?: string;
  nodes?: NodeGpuSummary[];
  total_free_gpus?: number;
  /** true/false for a requirement; null when none was given or GPU memory is unknown. */
  fits?: boolean | null;
}
