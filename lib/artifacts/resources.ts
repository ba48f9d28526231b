/**
 * Container resources as Kubernetes quantities: from deployments[].resources (what one replica
 * requests, sized by the architect) when the plan has them, else the old rule (half the instance).
 */
import type { DeploymentContext } from "./context";

/** CPU as a Kubernetes quantity: whole cores ("4") or millicores ("500m"). */
export function cpuQuantity(vcpus: number): string {
  const v = Number.isFinite(vcpus) && vcpus > 0 ? vcpus : 1;
  return Number.isInteger(v) ? String(v) : `${Math.max(1, Math.round(v * 1000))}m`;
}

/** Memory as a Kubernetes quantity in decimal units, exactly the plan's GB ("16G", or "1500M" for 1.5 GB). */
export function memoryQuantity(gb: number): string {
  const v = Number.isFinite(gb) && gb > 0 ? gb : 1;
  return Number.isInteger(v) ? `${v}G` : `${Math.max(1, Math.round(v * 1000))}M`;
}

/** Storage in whole GiB (at least 1), for PVC sizes. */
export function storageQuantity(gb: number): string {
  const v = Number.isFinite(gb) && gb > 0 ? gb : 1;
  return `${Math.max(1, Math.ceil(v))}Gi`;
}

/**
 * CPU and memory for one replica's main container: the plan's `resources` when present; otherwise
 * half the instance (the rest for the node's own pods), with 8 vCPUs / 32 GB assumed when the plan
 * names no instance. `cpu` is a number of cores (charts that take an integer round it up).
 */
export function containerResources(c: DeploymentContext): { cpu: number; memory: string } {
  if (c.resources) return { cpu: c.resources.vcpus, memory: memoryQuantity(c.resources.memory_gb) };
  const vcpus = c.instance?.vcpus ?? 8;
  const mem = c.instance?.memory_gb ?? 32;
  return { cpu: Math.max(1, Math.floor(vcpus / 2)), memory: `${Math.max(4, Math.floor(mem / 2))}Gi` };
}

/** Requests and limits for a small CPU service the plan did not size (vector DB, tracking, notebooks hub, Ray head). */
export const CPU_SERVICE = { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } };

/**
 * A CPU service's resources block: the plan's per-replica vCPUs and memory as requests, with the
 * memory also the limit (a pod over its memory request is the first evicted; no CPU limit, so it is
 * not throttled) — or CPU_SERVICE when the plan did not size it.
 */
export function serviceResources(c: DeploymentContext): { requests: Record<string, string>; limits: Record<string, string> } {
  if (!c.resources) return CPU_SERVICE;
  const memory = memoryQuantity(c.resources.memory_gb);
  return { requests: { cpu: cpuQuantity(c.resources.vcpus), memory }, limits: { memory } };
}

/** Persistent storage for a service: the plan's per-replica storage_gb, else `fallbackGi`. */
export function serviceStorage(c: DeploymentContext, fallbackGi: number): string {
  return c.resources && c.resources.storage_gb > 0 ? storageQuantity(c.resources.storage_gb) : `${fallbackGi}Gi`;
}
