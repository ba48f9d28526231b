import fs from "node:fs";
import path from "node:path";
import { cardCanon, instances, k8sPackageVersions, k8sPackages, models } from "@/db/schema";
import type { ModelRow } from "@/db/schema/hf";
import { readCatalogDir } from "@/db/ingest/cloud/latest-view";
import { readJsonl } from "@/db/ingest/jsonl";
import { parseChartLine } from "@/db/ingest/k8s/parse-charts";
import { dedupeVersions, parseVersionLine } from "@/db/ingest/k8s/parse-versions";
import { keepModel, parseModelLine } from "@/db/ingest/hf/parse-models";
import { computePopularity } from "@/db/ingest/hf/popularity";
import { keepCard, keptModelIndex, parseCardLine } from "@/db/ingest/hf/parse-cards";
import { toColumnRow } from "@/db/catalog/columns";
import { SNAPSHOT_FILES, writeJsonlGz, type SnapshotManifest, type SnapshotFile } from "@/db/catalog/snapshot-files";
import type { SnapshotCard } from "@/db/catalog/load";
import { SNAPSHOT_SOURCES, SELECTION_RULES } from "./sources";

/** Upstream layout (as in ../shared/data): cloud/skypilot-catalog, k8s/*.jsonl, hf/*.jsonl(.gz). */
export interface UpstreamPaths {
  skypilotDir: string;
  chartsJsonl: string;
  chartVersionsJsonl: string;
  modelsJsonl: string;
  cardsJsonl: string;
  /** Tolerate provider files missing from the SkyPilot dir (small test fixtures). */
  skipMissingCloudFiles?: boolean;
}

export function upstreamPaths(dataDir: string): UpstreamPaths {
  return {
    skypilotDir: path.join(dataDir, "cloud/skypilot-catalog"),
    chartsJsonl: path.join(dataDir, "k8s/charts.jsonl"),
    chartVersionsJsonl: path.join(dataDir, "k8s/chart_versions.jsonl"),
    modelsJsonl: path.join(dataDir, "hf/models.jsonl"),
    cardsJsonl: path.join(dataDir, "hf/cards.jsonl.gz"),
  };
}

const byKeys =
  <T extends Record<string, unknown>>(...keys: string[]) =>
  (a: T, b: T) => {
    for (const k of keys) {
      const x = String(a[k] ?? "");
      const y = String(b[k] ?? "");
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

async function collect<T>(it: AsyncIterable<unknown>, fn: (o: unknown) => T | null): Promise<T[]> {
  const out: T[] = [];
  for await (const o of it) {
    const r = fn(o);
    if (r !== null) out.push(r);
  }
  return out;
}

/**
 * Build the compact, normalized snapshot from the upstream files, deterministically (same input,
 * same bytes): rows sorted by key, gzip without timestamps.
 */
export async function buildSnapshot(src: UpstreamPaths, outDir: string, log: (m: string) => void = () => {}) {
  const counts = {} as Record<SnapshotFile, number>;
  const sha256: Record<string, string> = {};
  const write = (k: SnapshotFile, rows: unknown[]) => {
    const r = writeJsonlGz(path.join(outDir, SNAPSHOT_FILES[k]), rows);
    counts[k] = r.count;
    sha256[SNAPSHOT_FILES[k]] = r.sha256;
    log(`${SNAPSHOT_FILES[k]}: ${r.count} rows`);
  };

  const inst = (await readCatalogDir(src.skypilotDir, { skipMissing: src.skipMissingCloudFiles })).map((r) => toColumnRow(instances, r as Record<string, unknown>));
  write("instances", inst.sort(byKeys("provider", "instance_type", "region")));

  const charts = await collect(readJsonl(src.chartsJsonl), (o) => toColumnRow(k8sPackages, parseChartLine(o) as Record<string, unknown>));
  write("packages", charts.sort(byKeys("id")));
  const versions = dedupeVersions(await collect(readJsonl(src.chartVersionsJsonl), (o) => parseVersionLine(o)));
  write("packageVersions", versions.map((v) => toColumnRow(k8sPackageVersions, v as Record<string, unknown>)).sort(byKeys("repository", "name", "version")));

  // Models: the selection rule, minus repos the Hub has deleted (nothing to deploy).
  const modelRows = await collect<ModelRow>(readJsonl(src.modelsJsonl), (o) =>
    keepModel(o) && (o as { removed?: boolean }).removed !== true ? parseModelLine(o) : null,
  );
  const pop = computePopularity(modelRows);
  modelRows.forEach((m, i) => (m.popularity = Math.round(pop[i] * 1e6) / 1e6));
  write("models", modelRows.map((m) => toColumnRow(models, m as Record<string, unknown>)).sort(byKeys("id")));

  const kept = keptModelIndex(modelRows.map((m) => m.id));
  const cards = await collect<SnapshotCard>(readJsonl(src.cardsJsonl), (o) => {
    const c = parseCardLine(o, kept);
    if (!keepCard(c)) return null;
    // The hash is recomputed at load time (cardHash), so it does not take snapshot space.
    const { hash: _hash, ...row } = toColumnRow(cardCanon, c.canon as Record<string, unknown>) as unknown as SnapshotCard & { hash: string };
    return { ...row, model_ids: c.links.map((l) => l.modelId).sort() };
  });
  // Grouping similar cards (same source, neighbouring model ids) lets gzip find their shared text.
  const cardKey = (c: SnapshotCard) => ({ source: c.source ?? "", first: c.model_ids[0] ?? "", id: c.id });
  write("cards", cards.sort((a, b) => byKeys("source", "first", "id")(cardKey(a), cardKey(b))));

  const manifest: SnapshotManifest = {
    format_version: 1,
    built_at_data_dates: Object.fromEntries(SNAPSHOT_SOURCES.map((s) => [s.name, s.data_as_of])),
    sources: SNAPSHOT_SOURCES,
    counts,
    sha256,
    selection: SELECTION_RULES,
  };
  return manifest;
}

/** Build the snapshot and write its manifest.json beside the data files. */
export async function writeSnapshot(src: UpstreamPaths, outDir: string, log: (m: string) => void = () => {}): Promise<SnapshotManifest> {
  const manifest = await buildSnapshot(src, outDir, log);
  fs.writeFileSync(path.join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
