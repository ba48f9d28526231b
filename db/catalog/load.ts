import path from "node:path";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbHandle } from "@/db/client";
import { cardCanon, cardChunks, instances, k8sPackageVersions, k8sPackages, models, modelToCard } from "@/db/schema";
import { chunkCard } from "@/db/ingest/hf/chunk-card";
import { cardHash } from "@/db/ingest/hf/parse-cards";
import { withCatalogTransaction, type CatalogTx, type CellValue } from "./bulk-copy";
import { copyColumns, qualifiedName } from "./columns";
import { readJsonlGz, readManifest, SNAPSHOT_FILES, type SnapshotManifest } from "./snapshot-files";
import { sql } from "drizzle-orm";

export interface SnapshotCard {
  id: string;
  kind: string;
  lang: string;
  source: string | null;
  text: string;
  model_ids: string[];
}

export type LoadProgress = (step: string, done: number, total: number) => void;

export interface LoadResult {
  counts: Record<string, number>;
  ms: number;
}

/** Tables in delete order (children first). */
const CATALOG_TABLES: PgTable[] = [cardChunks, modelToCard, cardCanon, models, k8sPackageVersions, k8sPackages, instances];

/**
 * Replace the whole catalog with the snapshot in `dir`, in one transaction: a failed load leaves
 * the previous catalog intact. Card chunks are cut here (chunkCard is deterministic), so the
 * snapshot carries each card's text once.
 */
export async function loadCatalogSnapshot(h: DbHandle, dir: string, onProgress: LoadProgress = () => {}): Promise<LoadResult> {
  const started = Date.now();
  const manifest = readManifest(dir);
  const file = (k: keyof typeof SNAPSHOT_FILES) => path.join(dir, SNAPSHOT_FILES[k]);
  const total = 6;
  const counts: Record<string, number> = {};
  // Read index definitions before the transaction: PGlite serializes queries behind an open transaction.
  const [chunkIndexes, modelIndexes, packageIndexes] = await Promise.all([
    indexDefs(h, "hf", "card_chunks"),
    indexDefs(h, "hf", "models"),
    indexDefs(h, "cloud", "k8s_packages"),
  ]);
  await withCatalogTransaction(h, async (tx) => {
    await tx.exec(`TRUNCATE ${CATALOG_TABLES.map(qualifiedName).join(", ")} RESTART IDENTITY CASCADE`);
    onProgress("instances", 0, total);
    counts.instances = await copyTable(tx, instances, readJsonlGz(file("instances")));
    onProgress("packages", 1, total);
    counts.packages = await withIndexesDropped(tx, "cloud", packageIndexes, () => copyTable(tx, k8sPackages, readJsonlGz(file("packages"))));
    counts.package_versions = await copyTable(tx, k8sPackageVersions, readJsonlGz(file("packageVersions")));
    onProgress("models", 2, total);
    counts.models = await withIndexesDropped(tx, "hf", modelIndexes, () => copyTable(tx, models, readJsonlGz(file("models"))));
    onProgress("cards", 3, total);
    // The card file is streamed three times rather than held in memory (see readJsonlGz).
    const cards = () => readJsonlGz<SnapshotCard>(file("cards"));
    counts.cards = await copyTable(tx, cardCanon, withHash(cards()));
    counts.model_links = await copyTable(tx, modelToCard, links(cards()));
    onProgress("card_chunks", 4, total);
    counts.card_chunks = await withIndexesDropped(tx, "hf", chunkIndexes, () =>
      copyTable(tx, cardChunks, chunks(cards())),
    );
    onProgress("analyze", 5, total);
    await tx.exec(`ANALYZE cloud.instances; ANALYZE cloud.k8s_packages; ANALYZE hf.models; ANALYZE hf.card_chunks`);
    await tx.exec(setMetaSql("catalog", catalogMeta(manifest, counts)));
    onProgress("done", total, total);
  });
  return { counts, ms: Date.now() - started };
}

function catalogMeta(manifest: SnapshotManifest, counts: Record<string, number>) {
  return { loaded_at: new Date().toISOString(), counts, sources: manifest.sources, data_dates: manifest.built_at_data_dates, sha256: manifest.sha256 };
}

/** Rows per COPY: small enough that one batch's CSV stays a few MB (peak memory), large enough to be fast. */
const COPY_BATCH_ROWS = 5_000;

async function copyTable(tx: CatalogTx, table: PgTable, rows: AsyncIterable<unknown>): Promise<number> {
  const cols = copyColumns(table).map((c) => c.name);
  let n = 0;
  let batch: Record<string, CellValue>[] = [];
  for await (const r of rows) {
    batch.push(r as Record<string, CellValue>);
    if (batch.length >= COPY_BATCH_ROWS) {
      n += await tx.copy(qualifiedName(table), cols, batch);
      batch = [];
    }
  }
  if (batch.length) n += await tx.copy(qualifiedName(table), cols, batch);
  return n;
}

async function* withHash(cards: AsyncIterable<SnapshotCard>) {
  for await (const c of cards) yield { ...c, hash: cardHash(c.text) };
}

async function* links(cards: AsyncIterable<SnapshotCard>) {
  for await (const c of cards) for (const m of new Set(c.model_ids)) yield { model_id: m, card_id: c.id };
}

async function* chunks(cards: AsyncIterable<SnapshotCard>) {
  for await (const c of cards) {
    for (const ch of chunkCard(c.text, c.lang)) {
      yield { card_id: c.id, ordinal: ch.ordinal, lang: c.lang, heading: ch.heading ?? null, text: ch.text, embedding: null };
    }
  }
}

/** Bulk loads are faster without secondary indexes; recreate them from their exact definitions. */
async function withIndexesDropped<T>(tx: CatalogTx, schema: string, defs: IndexDef[], fn: () => Promise<T>): Promise<T> {
  for (const d of defs) await tx.exec(`DROP INDEX ${schema}."${d.name}"`);
  const out = await fn();
  for (const d of defs) await tx.exec(d.def);
  return out;
}

interface IndexDef {
  name: string;
  def: string;
}

function indexDefs(h: DbHandle, schema: string, table: string) {
  return h.query<IndexDef>(sql`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND t.relname = ${table} AND NOT x.indisprimary AND NOT x.indisunique`);
}

/** Upsert a meta row as one SQL text (runs inside the load transaction on either driver). */
function setMetaSql(key: string, value: unknown): string {
  const tag = `m${Math.random().toString(36).slice(2)}`;
  const json = JSON.stringify(value);
  return `INSERT INTO meta (key, value, updated_at) VALUES ('${key}', $${tag}$${json}$${tag}$::jsonb, now())
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`;
}
