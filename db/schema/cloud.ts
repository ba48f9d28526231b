import { sql, type SQL } from "drizzle-orm";
import {
  boolean, doublePrecision, index, integer, pgSchema, primaryKey, real, serial, text, uniqueIndex,
} from "drizzle-orm/pg-core";
import { tsvector } from "./types";

export const cloud = pgSchema("cloud");

/** One row per provider x instance type x region (zones collapsed into `zones`). */
export const instances = cloud.table(
  "instances",
  {
    id: serial("id").primaryKey(),
    provider: text("provider").notNull(),
    instanceType: text("instance_type").notNull(),
    region: text("region").notNull(),
    zones: text("zones").array().notNull().default(sql`'{}'::text[]`),
    /** Canonical GPU model (see lib/gpu/specs.ts), null for CPU-only rows. */
    gpuModel: text("gpu_model"),
    /** Accelerator name exactly as the provider's catalog wrote it. */
    gpuModelRaw: text("gpu_model_raw"),
    gpuCount: real("gpu_count").notNull().default(0),
    gpuMemoryGbPerGpu: real("gpu_memory_gb_per_gpu"),
    gpuMemoryGbTotal: real("gpu_memory_gb_total").notNull().default(0),
    /** "gpu" | "tpu" | "other" (Inferentia, Trainium, Gaudi, FPGA) | null for CPU. */
    acceleratorKind: text("accelerator_kind"),
    vcpus: real("vcpus"),
    memoryGb: real("memory_gb"),
    pricePerHourUsd: doublePrecision("price_per_hour_usd"),
    spotPricePerHourUsd: doublePrecision("spot_price_per_hour_usd"),
    dataAsOf: text("data_as_of").notNull(),
    source: text("source").notNull(),
  },
  (t) => [
    uniqueIndex("instances_provider_type_region_uq").on(t.provider, t.instanceType, t.region),
    index("instances_gpu_price_idx").on(t.gpuModel, t.pricePerHourUsd),
    index("instances_total_mem_price_idx").on(t.gpuMemoryGbTotal, t.pricePerHourUsd),
    index("instances_price_idx").on(t.pricePerHourUsd),
    index("instances_provider_idx").on(t.provider),
    // GPU rows only (~12% of the catalog): what every gpu "required" search filters to.
    index("instances_gpu_rows_price_idx")
      .on(t.pricePerHourUsd, t.gpuMemoryGbTotal)
      .where(sql`gpu_count > 0 AND accelerator_kind = 'gpu'`),
  ],
);

export const k8sPackages = cloud.table(
  "k8s_packages",
  {
    id: text("id").primaryKey(),
    repository: text("repository").notNull(),
    repositoryUrl: text("repository_url"),
    ociUrl: text("oci_url"),
    name: text("name").notNull(),
    version: text("version").notNull(),
    appVersion: text("app_version"),
    description: text("description").notNull().default(""),
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    /** Extra names users type for this chart (postgres for postgresql, ...). */
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
    home: text("home"),
    sources: text("sources").array().notNull().default(sql`'{}'::text[]`),
    maintainers: text("maintainers").array().notNull().default(sql`'{}'::text[]`),
    official: boolean("official").notNull().default(false),
    deprecated: boolean("deprecated").notNull().default(false),
    published: boolean("published").notNull().default(true),
    stars: integer("stars"),
    license: text("license"),
    category: text("category"),
    readme: text("readme"),
    installCommand: text("install_command").notNull(),
    created: text("created"),
    versionsCount: integer("versions_count").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('simple', coalesce(name, '') || ' ' || public.s8_array_text(aliases)), 'A') || setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(repository, '')), 'B') || setweight(to_tsvector('simple', public.s8_array_text(keywords)), 'C')`,
    ),
  },
  (t) => [
    // fastupdate off: see hf.models_search_idx (no pending list left behind by the bulk load).
    index("k8s_packages_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("k8s_packages_name_idx").on(t.name),
  ],
);

export const k8sPackageVersions = cloud.table(
  "k8s_package_versions",
  {
    repository: text("repository").notNull(),
    name: text("name").notNull(),
    version: text("version").notNull(),
    appVersion: text("app_version"),
    created: text("created"),
    digest: text("digest"),
    deprecated: boolean("deprecated").notNull().default(false),
    source: text("source"),
  },
  (t) => [primaryKey({ columns: [t.repository, t.name, t.version] })],
);

export type InstanceRow = typeof instances.$inferInsert;
export type K8sPackageRow = typeof k8sPackages.$inferInsert;
export type K8sPackageVersionRow = typeof k8sPackageVersions.$inferInsert;
