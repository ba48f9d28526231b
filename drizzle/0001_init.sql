CREATE SCHEMA "chat";
--> statement-breakpoint
CREATE SCHEMA "cloud";
--> statement-breakpoint
CREATE SCHEMA "hf";
--> statement-breakpoint
CREATE TABLE "chat"."conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_token_hash" text NOT NULL,
	"visibility" text DEFAULT 'link' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat"."messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"content" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cloud"."instances" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"instance_type" text NOT NULL,
	"region" text NOT NULL,
	"zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"gpu_model" text,
	"gpu_model_raw" text,
	"gpu_count" real DEFAULT 0 NOT NULL,
	"gpu_memory_gb_per_gpu" real,
	"gpu_memory_gb_total" real DEFAULT 0 NOT NULL,
	"accelerator_kind" text,
	"vcpus" real,
	"memory_gb" real,
	"price_per_hour_usd" double precision,
	"spot_price_per_hour_usd" double precision,
	"data_as_of" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cloud"."k8s_package_versions" (
	"repository" text NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"app_version" text,
	"created" text,
	"digest" text,
	"deprecated" boolean DEFAULT false NOT NULL,
	"source" text,
	CONSTRAINT "k8s_package_versions_repository_name_version_pk" PRIMARY KEY("repository","name","version")
);
--> statement-breakpoint
CREATE TABLE "cloud"."k8s_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"repository" text NOT NULL,
	"repository_url" text,
	"oci_url" text,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"app_version" text,
	"description" text DEFAULT '' NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"home" text,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"maintainers" text[] DEFAULT '{}'::text[] NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"deprecated" boolean DEFAULT false NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"stars" integer,
	"license" text,
	"category" text,
	"readme" text,
	"install_command" text NOT NULL,
	"created" text,
	"versions_count" integer DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(name, '') || ' ' || public.s8_array_text(aliases)), 'A') || setweight(to_tsvector('english', coalesce(description, '') || ' ' || coalesce(repository, '')), 'B') || setweight(to_tsvector('simple', public.s8_array_text(keywords)), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "hf"."card_canon" (
	"id" text PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"lang" text NOT NULL,
	"source" text,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hf"."card_chunks" (
	"id" serial PRIMARY KEY NOT NULL,
	"card_id" text NOT NULL,
	"ordinal" integer NOT NULL,
	"lang" text NOT NULL,
	"heading" text,
	"text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(CASE WHEN lang = 'es' THEN 'spanish'::regconfig ELSE 'english'::regconfig END, coalesce(heading, '') || ' ' || text)) STORED,
	"embedding" vector(384)
);
--> statement-breakpoint
CREATE TABLE "hf"."model_to_card" (
	"model_id" text NOT NULL,
	"card_id" text NOT NULL,
	CONSTRAINT "model_to_card_model_id_card_id_pk" PRIMARY KEY("model_id","card_id")
);
--> statement-breakpoint
CREATE TABLE "hf"."models" (
	"id" text PRIMARY KEY NOT NULL,
	"author" text,
	"pipeline_tag" text,
	"library_name" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"license" text,
	"downloads" bigint,
	"downloads_as_of" text,
	"likes" integer,
	"likes_as_of" text,
	"params" bigint,
	"params_estimated" boolean DEFAULT false NOT NULL,
	"context_length" integer,
	"gated" boolean,
	"created_at" text,
	"last_modified" text,
	"base_model" text,
	"architecture" text,
	"model_type" text,
	"moe" boolean,
	"description" text,
	"has_card" boolean DEFAULT false NOT NULL,
	"trending_score" integer,
	"popularity" real DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', regexp_replace(id, '[/_.:-]+', ' ', 'g')), 'A') || setweight(to_tsvector('simple', coalesce(pipeline_tag, '') || ' ' || public.s8_array_text(tags)), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chat"."messages" ADD CONSTRAINT "messages_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "chat"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hf"."card_chunks" ADD CONSTRAINT "card_chunks_card_id_card_canon_id_fk" FOREIGN KEY ("card_id") REFERENCES "hf"."card_canon"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hf"."model_to_card" ADD CONSTRAINT "model_to_card_card_id_card_canon_id_fk" FOREIGN KEY ("card_id") REFERENCES "hf"."card_canon"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_conversation_created_idx" ON "chat"."messages" USING btree ("conversation_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "instances_provider_type_region_uq" ON "cloud"."instances" USING btree ("provider","instance_type","region");--> statement-breakpoint
CREATE INDEX "instances_gpu_price_idx" ON "cloud"."instances" USING btree ("gpu_model","price_per_hour_usd");--> statement-breakpoint
CREATE INDEX "instances_total_mem_price_idx" ON "cloud"."instances" USING btree ("gpu_memory_gb_total","price_per_hour_usd");--> statement-breakpoint
CREATE INDEX "instances_price_idx" ON "cloud"."instances" USING btree ("price_per_hour_usd");--> statement-breakpoint
CREATE INDEX "instances_provider_idx" ON "cloud"."instances" USING btree ("provider");--> statement-breakpoint
CREATE INDEX "k8s_packages_search_idx" ON "cloud"."k8s_packages" USING gin ("search");--> statement-breakpoint
CREATE INDEX "k8s_packages_name_idx" ON "cloud"."k8s_packages" USING btree ("name");--> statement-breakpoint
CREATE INDEX "card_chunks_search_idx" ON "hf"."card_chunks" USING gin ("search");--> statement-breakpoint
CREATE INDEX "card_chunks_card_idx" ON "hf"."card_chunks" USING btree ("card_id","ordinal");--> statement-breakpoint
CREATE INDEX "card_chunks_embedding_hnsw_idx" ON "hf"."card_chunks" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "model_to_card_card_idx" ON "hf"."model_to_card" USING btree ("card_id");--> statement-breakpoint
CREATE INDEX "models_search_idx" ON "hf"."models" USING gin ("search");--> statement-breakpoint
CREATE INDEX "models_pipeline_idx" ON "hf"."models" USING btree ("pipeline_tag");--> statement-breakpoint
CREATE INDEX "models_popularity_idx" ON "hf"."models" USING btree ("popularity");