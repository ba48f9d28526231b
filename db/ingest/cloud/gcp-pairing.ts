/**
 * GCP's catalog prices host VMs and GPUs in separate rows: a host row has an
 * InstanceType and no accelerator, a GPU row has an accelerator and an empty
 * InstanceType, and its price covers the GPUs only. A launchable GPU instance
 * costs host + GPU in the same zone. Pairing rules (as SkyPilot's gcp catalog):
 *
 * - Machine types with GPUs built in (a2, a3, a4, g2) pair with exactly one GPU row:
 *   see FIXED_GPU_HOSTS. g2-standard-{8,12,16,32} (1x L4), the a3 edge/mega/ultra
 *   and a4 types are included as in newer SkyPilot releases. A host or GPU row with
 *   a zero/empty price makes that price of the pair missing (a4's 0.0 host rows).
 * - T4 / V100 / P100 / P4 / K80 attach to n1 hosts. We emit one instance per GPU
 *   row on the N1_HOST machine (n1-standard-8, SkyPilot's pick for these GPUs),
 *   named `n1-standard-8+T4:1` so (provider, instance_type, region) stays unique.
 * - Built-in-GPU hosts without their GPU row in the zone, and GPU rows without
 *   a host in the zone, are dropped (no correct price exists).
 * - TPU rows (`tpu-v4-8`, ...) become instances named after the TPU, priced by
 *   the TPU row alone (as SkyPilot prices TPU VMs); accelerator_kind 'tpu'.
 * - Every other host row (n1, n2, e2, c2, ...) stays as a CPU-only instance.
 */
import type { Offer, RowOrigin } from "./offers";
import { addPrices } from "./prices";

export interface GpuAttachment {
  accelerator: string;
  count: number;
}

function fixedHosts(): Record<string, GpuAttachment> {
  const m: Record<string, GpuAttachment> = {};
  for (const n of [1, 2, 4, 8]) {
    m[`a2-highgpu-${n}g`] = { accelerator: "A100", count: n };
    m[`a2-ultragpu-${n}g`] = { accelerator: "A100-80GB", count: n };
  }
  m["a2-megagpu-16g"] = { accelerator: "A100", count: 16 };
  for (const n of [1, 2, 4, 8]) m[`a3-highgpu-${n}g`] = { accelerator: "H100", count: n };
  // The current catalog prices the A3 Mega GPUs in their own `H100-MEGA` rows.
  m["a3-megagpu-8g"] = { accelerator: "H100-MEGA", count: 8 };
  for (const t of ["a3-edgegpu-8g", "a3-edgegpu-8g-nolssd"]) m[t] = { accelerator: "H100", count: 8 };
  for (const t of ["a3-ultragpu-8g", "a3-ultragpu-8g-nolssd"]) m[t] = { accelerator: "H200", count: 8 };
  // Upstream writes Price 0.0 for the a4 host: no host price, so no on-demand (or spot) total.
  m["a4-highgpu-8g"] = { accelerator: "B200", count: 8 };
  for (const [vcpus, count] of [[4, 1], [8, 1], [12, 1], [16, 1], [32, 1], [24, 2], [48, 4], [96, 8]]) {
    m[`g2-standard-${vcpus}`] = { accelerator: "L4", count };
  }
  return m;
}

/** Host machine type -> the GPUs it always carries. */
export const FIXED_GPU_HOSTS: Readonly<Record<string, GpuAttachment>> = Object.freeze(fixedHosts());

/** GPUs sold as attachments to N1 hosts. */
export const N1_ATTACHABLE = new Set(["T4", "V100", "P100", "P4", "K80"]);
/** The one N1 host we price attachable GPUs on. */
export const N1_HOST = "n1-standard-8";

export function n1InstanceName(accelerator: string, count: number): string {
  return `${N1_HOST}+${accelerator}:${count}`;
}

const isTpu = (name: string) => /^tpu-/i.test(name);
const gpuKey = (acc: string, count: number, zone: string | null) => `${acc}|${count}|${zone ?? ""}`;
const hostKey = (type: string, zone: string | null) => `${type}|${zone ?? ""}`;

/**
 * A paired row comes from two rows, possibly of two files (a v5 n1 host + a v8 T4 row): it records
 * both sources and the older data date, since part of its price is that old.
 */
export function combineOrigins(host: RowOrigin, gpu: RowOrigin): RowOrigin {
  if (host.source === gpu.source) return host;
  return { dataAsOf: host.dataAsOf <= gpu.dataAsOf ? host.dataAsOf : gpu.dataAsOf, source: `${host.source} + ${gpu.source}` };
}

function combine(host: Offer, gpu: Offer, instanceType: string): Offer {
  return {
    ...host,
    origin: combineOrigins(host.origin, gpu.origin),
    instanceType,
    acceleratorName: gpu.acceleratorName,
    acceleratorCount: gpu.acceleratorCount,
    gpuInfo: gpu.gpuInfo,
    price: addPrices(host.price, gpu.price),
    spotPrice: addPrices(host.spotPrice, gpu.spotPrice),
  };
}

/** Turn raw GCP offers (host rows + GPU/TPU-only rows) into priced instances, per zone. */
export function pairGcpOffers(offers: Offer[]): Offer[] {
  const hosts = new Map<string, Offer>();
  const gpus = new Map<string, Offer>();
  for (const o of offers) {
    if (o.instanceType) hosts.set(hostKey(o.instanceType, o.zone), o);
    else if (o.acceleratorName) gpus.set(gpuKey(o.acceleratorName, o.acceleratorCount, o.zone), o);
  }

  const out: Offer[] = [];
  for (const o of offers) {
    if (o.instanceType) {
      const fixed = FIXED_GPU_HOSTS[o.instanceType];
      if (!fixed) {
        out.push(o);
        continue;
      }
      const gpu = gpus.get(gpuKey(fixed.accelerator, fixed.count, o.zone));
      if (gpu) out.push(combine(o, gpu, o.instanceType));
    } else if (o.acceleratorName && isTpu(o.acceleratorName)) {
      out.push({ ...o, instanceType: o.acceleratorName });
    } else if (o.acceleratorName && N1_ATTACHABLE.has(o.acceleratorName)) {
      const host = hosts.get(hostKey(N1_HOST, o.zone));
      if (host) out.push(combine(host, o, n1InstanceName(o.acceleratorName, o.acceleratorCount)));
    }
  }
  return out;
}
