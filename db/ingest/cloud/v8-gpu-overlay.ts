/**
 * The partial v8 accelerator copy for AWS and GCP (shared/data/cloud/skypilot-catalog/v8-gpu/SOURCE.md)
 * replaces whole families of the v5 files, never single rows: region and zone sets changed between
 * the two, so a row-by-row merge would keep stale regions. These predicates say which base (v5) rows
 * a v8-gpu file replaces.
 */
import type { CsvRecord } from "./offers";

/** AWS families with no v8 rows any more: retired upstream, so their v5 rows are stale offers. */
export const AWS_RETIRED_FAMILIES: ReadonlySet<string> = new Set(["p2", "g3", "g3s"]);

/** AWS families the v8-gpu copy holds in full (SOURCE.md "How to combine", step 1). */
export const AWS_V8_GPU_FAMILIES: ReadonlySet<string> = new Set([
  "p3", "p3dn", "p4d", "p4de", "p5", "p5e", "p5en", "p6-b200", "p6-b300",
  "g4ad", "g4dn", "g5", "g5g", "g6", "g6e", "g6f", "g7e", "gr6", "gr6f",
]);

/** AWS instance family: the text before the first `.` (`p5.48xlarge` → `p5`, `p6-b200.48xlarge` → `p6-b200`). */
export function awsFamily(instanceType: string): string {
  const t = instanceType.trim();
  const dot = t.indexOf(".");
  return dot < 0 ? t : t.slice(0, dot);
}

/** GCP host VM families whose rows the v8-gpu file holds in full (built-in-GPU machine types). */
export const GCP_V8_GPU_HOST_PREFIXES = ["a2-", "a3-", "a4-", "g2-"] as const;

const isTpu = (acceleratorName: string) => /^tpu-/i.test(acceleratorName);

/**
 * AWS: a v5 row is replaced when its family is one SOURCE.md lists, has rows in the overlay (a
 * family added to a later copy is replaced too), or is retired.
 */
export function awsReplaced(overlay: readonly CsvRecord[]): (base: CsvRecord) => boolean {
  const families = new Set([...AWS_V8_GPU_FAMILIES, ...overlay.map((r) => awsFamily(r.InstanceType ?? ""))]);
  return (base) => {
    const family = awsFamily(base.InstanceType ?? "");
    return families.has(family) || AWS_RETIRED_FAMILIES.has(family);
  };
}

/**
 * GCP: a v5 row is replaced when it is an a2/a3/a4/g2 host VM, or a GPU row (empty InstanceType)
 * that is not a TPU. n1 hosts, TPU rows and every CPU machine type stay from v5.
 */
export function gcpReplaced(): (base: CsvRecord) => boolean {
  return (base) => {
    const type = (base.InstanceType ?? "").trim();
    if (type) return GCP_V8_GPU_HOST_PREFIXES.some((p) => type.startsWith(p));
    const acc = (base.AcceleratorName ?? "").trim();
    return acc !== "" && !isTpu(acc);
  };
}
