import "server-only";
import { openAppDb } from "@/lib/server/app-db";
import { catalogState, embeddedSeedingInProgress } from "@/db/catalog/seed";
import { getRecordedCatalogCounts, type CatalogCounts } from "@/db/queries/catalog-stats";
import { config } from "@/lib/config";
import { llmStatus } from "@/lib/ai/provider";
import type { LlmStatus } from "@/lib/ai/llm-monitor";
import { getEmbeddingStatusCheap, type EmbeddingStatus } from "@/db/catalog/embed-job";

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

/** Health answers within this time in every state: a database that does not answer is reported, not waited for. */
export const HEALTH_DB_TIMEOUT_MS = 800;

class HealthTimeout extends Error {}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeout(`the database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

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
  // Embedded first start: the child process is loading the directory; report its progress from memory.
  if (embeddedSeedingInProgress()) {
    const s = catalogState();
    return {
      httpStatus: 200,
      report: { status: "degraded", ...base, catalog: { ...EMPTY, state: s.phase, step: s.step, progress: `${s.done}/${s.total}`, load_ms: null }, seeding: true },
    };
  }
  try {
    return await within(dbHealth(base), HEALTH_DB_TIMEOUT_MS);
  } catch (err) {
    const s = catalogState();
    return {
      httpStatus: 503,
      report: { status: "degraded", ...base, catalog: { ...EMPTY, state: err instanceof HealthTimeout ? s.phase : "unavailable" }, seeding: s.phase === "seeding", error: (err as Error).message },
    };
  }
}

async function dbHealth(base: Pick<HealthReport, "database" | "llm" | "embeddings" | "llm_status">): Promise<{ report: HealthReport; httpStatus: number }> {
  const c = config();
  const h = await openAppDb();
  const s = catalogState();
  const seeding = s.phase === "seeding";
  // While PGlite is inside the load transaction every query waits, so report progress from memory.
  const recorded = seeding ? EMPTY : await getRecordedCatalogCounts(h);
  const emb = seeding ? null : await getEmbeddingStatusCheap(h, recorded.card_chunks);
  const counts = { ...recorded, embedded_chunks: emb?.done ?? 0 };
  const ready = s.phase === "ready" && counts.instances > 0;
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
}
