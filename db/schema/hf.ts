import { sql, type SQL } from "drizzle-orm";
import {
  bigint, boolean, index, integer, pgSchema, primaryKey, real, serial, text, vector,
} from "drizzle-orm/pg-core";
import { tsvector } from "./types";

export const hf = pgSchema("hf");

export const EMBEDDING_DIMENSIONS = 384;

export const models = hf.table(
  "models",
  {
    id: text("id").primaryKey(),
    author: text("author"),
    pipelineTag: text("pipeline_tag"),
    libraryName: text("library_name"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    license: text("license"),
    downloads: bigint("downloads", { mode: "number" }),
    downloadsAsOf: text("downloads_as_of"),
    likes: integer("likes"),
    likesAsOf: text("likes_as_of"),
    params: bigint("params", { mode: "number" }),
    /** true when params is only parsed from the repo name. */
    paramsEstimated: boolean("params_estimated").notNull().default(false),
    contextLength: integer("context_length"),
    gated: boolean("gated"),
    createdAt: text("created_at"),
    lastModified: text("last_modified"),
    baseModel: text("base_model"),
    architecture: text("architecture"),
    modelType: text("model_type"),
    moe: boolean("moe"),
    description: text("description"),
    hasCard: boolean("has_card").notNull().default(false),
    trendingScore: integer("trending_score"),
    /** Hub tasks whose curated "recommended models" list includes this model (huggingface.js). */
    recommendedForTasks: text("recommended_for_tasks").array().notNull().default(sql`'{}'::text[]`),
    /** Popularity in [0,1] precomputed at load (log-scaled, date-aware). */
    popularity: real("popularity").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('simple', regexp_replace(id, '[/_.:-]+', ' ', 'g')), 'A') || setweight(to_tsvector('simple', coalesce(pipeline_tag, '') || ' ' || public.s8_array_text(tags)), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    // fastupdate off: rows inserted by the bulk load otherwise sit in the GIN pending list, which
    // every search then scans linearly until a VACUUM (PGlite has no autovacuum): 3-10× slower.
    index("models_search_idx").using("gin", t.search).with({ fastupdate: false }),
    index("models_pipeline_idx").on(t.pipelineTag),
    index("models_popularity_idx").on(t.popularity),
    // findModelByName: lower(id) = lower(name).
    index("models_lower_id_idx").on(sql`lower(${t.id})`),
    // popularModels: a task's models in popularity order, and its hub-recommended ones.
    index("models_pipeline_popularity_idx").on(t.pipelineTag, t.popularity.desc(), t.id),
    index("models_recommended_tasks_idx").using("gin", t.recommendedForTasks).with({ fastupdate: false }),
  ],
);

/** Deduplicated card texts (one row per distinct text). */
export const cardCanon = hf.table("card_canon", {
  id: text("id").primaryKey(),
  hash: text("hash").notNull(),
  kind: text("kind").notNull(),
  lang: text("lang").notNull(),
  source: text("source"),
  text: text("text").notNull(),
});

export const modelToCard = hf.table(
  "model_to_card",
  {
    modelId: text("model_id").notNull(),
    cardId: text("card_id").notNull().references(() => cardCanon.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.cardId] }), index("model_to_card_card_idx").on(t.cardId)],
);

export const cardChunks = hf.table(
  "card_chunks",
  {
    id: serial("id").primaryKey(),
    cardId: text("card_id").notNull().references(() => cardCanon.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    lang: text("lang").notNull(),
    heading: text("heading"),
    text: text("text").notNull(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL => sql`to_tsvector(CASE WHEN lang = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce(heading, '') || ' ' || text)`,
    ),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }),
  },
  (t) => [
    index("card_chunks_search_idx").using("gin", t.search),
    index("card_chunks_card_idx").on(t.cardId, t.ordinal),
    index("card_chunks_embedding_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
  ],
);

export type ModelRow = typeof models.$inferInsert;
export type CardCanonRow = typeof cardCanon.$inferInsert;
export type CardChunkRow = typeof cardChunks.$inferInsert;
