/**
 * Sanity check of the parsed latest view (compare with SOURCE.md §5.B / §5.D).
 * Usage: npx tsx db/ingest/cloud/stats.ts ../shared/data/cloud/skypilot-catalog
 */
import { GPU_SPECS } from "@/lib/gpu/specs";
import { readCatalogDir } from "./latest-view";
import type { CatalogInstance } from "./parse-skypilot";

const HBM = /^(A100|A800|H100|H200|B200|B300|GH200)/;

function cheapestByType(rows: CatalogInstance[], minGb: number, filter: (r: CatalogInstance) => boolean) {
  const best = new Map<string, CatalogInstance>();
  for (const r of rows) {
    if (r.acceleratorKind !== "gpu" || r.gpuMemoryGbTotal < minGb || r.pricePerHourUsd === null || !filter(r)) continue;
    const key = `${r.provider}/${r.instanceType}`;
    const cur = best.get(key);
    if (!cur || r.pricePerHourUsd < (cur.pricePerHourUsd ?? Infinity)) best.set(key, r);
  }
  return [...best.values()].sort((a, b) => (a.pricePerHourUsd ?? 0) - (b.pricePerHourUsd ?? 0));
}

function printTop(title: string, list: CatalogInstance[], n: number) {
  console.log(`\n${title} (top ${n} of ${list.length} candidate types)`);
  list.slice(0, n).forEach((r, i) => {
    const gpus = `${r.gpuCount}x ${r.gpuModel} (${r.gpuModelRaw})`;
    console.log(`${i + 1}. ${r.provider} / ${r.instanceType} / ${gpus} / ${r.gpuMemoryGbTotal} GB / ${r.region} / $${r.pricePerHourUsd}`);
  });
}

async function main() {
  const root = process.argv[2];
  if (!root) throw new Error("usage: tsx db/ingest/cloud/stats.ts <skypilot-catalog dir>");
  const rows = await readCatalogDir(root);
  const perProvider = new Map<string, number>();
  for (const r of rows) perProvider.set(r.provider, (perProvider.get(r.provider) ?? 0) + 1);

  console.log(`total rows: ${rows.length}`);
  console.log(`rows with GPU: ${rows.filter((r) => r.acceleratorKind === "gpu").length}`);
  console.log(`rows with TPU / other accelerator: ${rows.filter((r) => r.acceleratorKind === "tpu").length} / ${rows.filter((r) => r.acceleratorKind === "other").length}`);
  console.log(`rows with on-demand price: ${rows.filter((r) => r.pricePerHourUsd !== null).length}, spot-only: ${rows.filter((r) => r.pricePerHourUsd === null).length}`);
  console.log(`distinct providers: ${perProvider.size}`);
  for (const [p, n] of [...perProvider].sort()) console.log(`  ${p}: ${n}`);

  const unknown = new Set(rows.filter((r) => r.gpuModel && !GPU_SPECS[r.gpuModel]).map((r) => r.gpuModelRaw));
  console.log(`unknown accelerator names: ${unknown.size ? [...unknown].join(", ") : "none"}`);

  for (const gb of [80, 160, 320]) {
    printTop(`>= ${gb} GB total GPU memory`, cheapestByType(rows, gb, () => true), 10);
    printTop(`>= ${gb} GB, datacenter HBM GPUs only`, cheapestByType(rows, gb, (r) => HBM.test(r.gpuModel ?? "")), 5);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
