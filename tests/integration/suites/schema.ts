import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";

export function schemaSuite(h: () => DbHandle) {
  describe("schema", () => {
    it("has pgvector and the HNSW cosine index on card chunk embeddings", async () => {
      const ext = await h().query<{ extversion: string }>(sql`SELECT extversion FROM pg_extension WHERE extname = 'vector'`);
      expect(ext).toHaveLength(1);
      const idx = await h().query<{ indexdef: string }>(
        sql`SELECT indexdef FROM pg_indexes WHERE schemaname = 'hf' AND indexname = 'card_chunks_embedding_hnsw_idx'`,
      );
      expect(idx[0].indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    });

    it("weights chart names above descriptions above keywords in the search vector", async () => {
      const [r] = await h().query<{ v: string }>(sql`
        SELECT (setweight(to_tsvector('simple', 'mlflow' || ' ' || public.s8_array_text(ARRAY['tracking'])), 'A'))::text AS v`);
      expect(r.v).toContain("'mlflow':1A");
    });

    it("creates the three schemas with their tables", async () => {
      const rows = await h().query<{ t: string }>(sql`
        SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
        WHERE table_schema IN ('chat', 'cloud', 'hf') ORDER BY 1`);
      expect(rows.map((r) => r.t)).toEqual([
        "chat.conversations", "chat.messages", "cloud.instances", "cloud.k8s_package_versions", "cloud.k8s_packages",
        "hf.card_canon", "hf.card_chunks", "hf.model_to_card", "hf.models",
      ]);
    });
  });
}
