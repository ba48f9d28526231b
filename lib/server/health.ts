import "server-only";
import { getAppDb } from "@/lib/server/app-db";
import { catalogState } from "@/db/catalog/seed";
import { getCatalogCounts, type CatalogCounts } from "@/db/queries/catalog-stats";
import { config } from "@/lib/config";
import { llmStatus } from "@/lib/ai/provider";
import type { LlmStatus } from "@/lib/ai/llm-monitor";
import { getEmbeddingStatus, type EmbeddingStatus } from "@/db/catalog/embed-job";

export interface HealthReport {
  status: "ok" | "degraded";
  database: "pglite" | "postgres";
  llm: string;
  /** The LLM's last outcome, from memory (health never calls the LLM); absent with the offline engine. */
  llm_status?: LlmStatus;
  embeddings: string;
  catalog: CatalogCounts & { state: string; step?: string | null; progress?: string; load_ms?: number | null };
  seeding: boolean;
  /** Card-chunk embedding progress (background job); retrieval is full-text only until vectors exist. */
  embedding?: EmbeddingStatus & { retrieval: "hybrid" | "fulltext" };
  error?: string;
}

const EMPTY: CatalogCounts = {
  instances: 0, providers: 0, packages: 0, package_versions: 0, models: 0, cards: 0, card_chunks: 0, embedded_chunks: 0,
};

export async function healthReport(): Promise<{ report: HealthReport; httpStatus: number }> {
  const c = config();
  const llm = llmStatus(c);
  const base = {
    database: c.databaseUrl ? ("postgres" as const) : ("pglite" as const),
    llm: c.llm === "openai" ? `openai:${c.OPENAI_CHAT_MODEL}` : "offline",
    ...(llm ? { llm_status: llm } : {}),
    embeddings:
      c.embeddings === "none" ? "none" : c.embeddings === "openai" ? `openai:${c.OPENAI_EMBED_MODEL}` : `local:${c.EMBEDDING_MODEL_DIR ?? c.EMBEDDING_MODEL_ID}`,
  };
  try {
    const h = await getAppDb();
    const s = catalogState();
    const seeding = s.phase === "seeding";
    // While PGlite is inside the load transaction every query waits, so report progress from memory.
    const counts = seeding ? EMPTY : await getCatalogCounts(h);
    const ready = s.phase === "ready" && counts.instances > 0;
    const emb = seeding ? null : await getEmbeddingStatus(h);
    const embedding = emb
      ? { ...emb, retrieval: (c.embeddings !== "none" && emb.done > 0 ? "hybrid" : "fulltext") as "hybrid" | "fulltext" }
      : undefined;
    return {
      httpStatus: 200,
      report: {
        status: ready ? "ok" : "degraded",
        ...base,
        catalog: { ...counts, state: s.phase, step: s.step, progress: seeding ? `${s.done}/${s.total}` : undefined, load_ms: s.load_ms },
        seeding,
        ...(embedding ? { embedding } : {}),
        ...(s.error ? { error: s.error } : {}),
      },
    };
  } catch (err) {
    return {
      httpStatus: 503,
      report: { status: "degraded", ...base, catalog: { ...EMPTY, state: "unavailable" }, seeding: false, error: (err as Error).message },
    };
  }
}
