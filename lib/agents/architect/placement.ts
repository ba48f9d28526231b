/**
 * Where the stack's CPU services run: on the model's GPU node when it has the spare CPU and RAM
 * (one instance), or on a CPU node next to it when that is cheaper. Pure: candidates and needs in,
 * the choice with both costs out.
 */
import type { InstanceOption } from "@/lib/schemas/plan";
import { NODE_RESERVE } from "./part-sizing";

export interface PlacementInput {
  /** The GPU (or model) node candidates, cheapest first, each already holding the model. */
  primary: InstanceOption[];
  /** Nodes of the primary pool (a team's notebooks may need several). */
  primaryCount: number;
  /** CPU and RAM the primary workload takes on each primary node. */
  primaryHost: { vcpus: number; memory_gb: number };
  /** Every CPU service together (all replicas). */
  services: { vcpus: number; memory_gb: number };
  /** The cheapest CPU nodes that hold `services` plus the node reserve, cheapest first. */
  cpu: InstanceOption[];
}

export interface Placement {
  /** The services run on the primary node (no CPU node). */
  together: boolean;
  /** Index into `primary` of the node the plan uses. */
  primaryIndex: number;
  cpu: InstanceOption | null;
  /** Monthly cost of each option considered (null when not possible). */
  costs: { together: number | null; split: number | null };
}

/** Whether `x` holds `services` next to what its own workload takes (`host`) and the node reserve. */
export function hasRoom(x: InstanceOption, host: { vcpus: number; memory_gb: number }, services: { vcpus: number; memory_gb: number }): boolean {
  return (x.vcpus ?? 0) - host.vcpus - NODE_RESERVE.vcpus >= services.vcpus && (x.memory_gb ?? 0) - host.memory_gb - NODE_RESERVE.memory_gb >= services.memory_gb;
}

export function placeServices(p: PlacementInput): Placement {
  const noServices = p.services.vcpus <= 0 && p.services.memory_gb <= 0;
  if (noServices) return { together: true, primaryIndex: 0, cpu: null, costs: { together: p.primary[0] ? p.primary[0].monthly_cost_usd * p.primaryCount : null, split: null } };
  const i = p.primary.findIndex((x) => hasRoom(x, p.primaryHost, p.services));
  const together = i >= 0 ? p.primary[i].monthly_cost_usd * p.primaryCount : null;
  const split = p.primary[0] && p.cpu[0] ? p.primary[0].monthly_cost_usd * p.primaryCount + p.cpu[0].monthly_cost_usd : null;
  const costs = { together: round2(together), split: round2(split) };
  // One instance when it is not dearer (fewer moving parts); a GPU node plus a CPU node when that is cheaper.
  if (together !== null && (split === null || together <= split)) return { together: true, primaryIndex: i, cpu: null, costs };
  if (split !== null) return { together: false, primaryIndex: 0, cpu: p.cpu[0], costs };
  return { together: false, primaryIndex: 0, cpu: null, costs };
}

function round2(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}
