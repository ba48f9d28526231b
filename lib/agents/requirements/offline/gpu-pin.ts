import type { WorkloadSpec } from "@/lib/schemas/workload-spec";

/** The GPUs a spec pins, in words: "8× H100", "2 GPUs with 24 GB", "an A100". */
export function describeGpuPin(gpu: WorkloadSpec["gpu"]): string {
  if (!gpu) return "GPUs";
  const count = gpu.count ?? 1;
  const card = gpu.model ?? (gpu.memory_gb_per_gpu ? `${gpu.memory_gb_per_gpu} GB GPU` : "GPU");
  if (count === 1) return `${/^[AEFHILMNORSX]/i.test(card) && !/^(?:one|uni)/i.test(card) ? "an" : "a"} ${card}`;
  return `${count}× ${card}`;
}
