import { z } from "zod";

/**
 * Every setting Stack8s reads, validated once. Import `config()` (lazy, cached) instead of
 * touching process.env elsewhere. A bad value throws ConfigError with one line naming the setting.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: "must be a postgres:// or postgresql:// URL",
  });

const schema = z.object({
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  SUPABASE_DB_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  PGLITE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/pglite")),
  OPENAI_API_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url({ message: "must be an http(s) URL" }).optional()),
  OPENAI_CHAT_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-4o-mini")),
  OPENAI_EMBED_MODEL: z.preprocess(emptyToUndefined, z.string().default("text-embedding-3-small")),
  LLM_TIMEOUT_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(20_000)),
  LLM_BREAKER_FAILURES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(3)),
  LLM_BREAKER_COOLDOWN_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(3_600_000).default(60_000)),
  EMBEDDINGS: z.preprocess(emptyToUndefined, z.enum(["local", "openai", "none"]).optional()),
  EMBEDDING_MODEL_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  EMBEDDING_MODEL_ID: z.preprocess(emptyToUndefined, z.string().default("Xenova/all-MiniLM-L6-v2")),
  KUBECONFIG: z.preprocess(emptyToUndefined, z.string().optional()),
  CATALOG_SNAPSHOT_DIR: z.preprocess(emptyToUndefined, z.string().default("catalog/snapshot")),
  CATALOG_AUTOLOAD: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("true")),
  /** First start on PGlite: copy the build's prebuilt catalog database (true) or load the snapshot (false). */
  CATALOG_PREBUILT: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("true")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
});

export type RawConfig = z.infer<typeof schema>;

export interface AppConfig extends RawConfig {
  /** DATABASE_URL, or its alias SUPABASE_DB_URL; undefined means embedded PGlite. */
  databaseUrl: string | undefined;
  /** Effective embeddings provider: explicit EMBEDDINGS, else local when a model dir is set, else none. */
  embeddings: "local" | "openai" | "none";
  llm: "openai" | "offline";
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0] ?? "config");
    throw new ConfigError(`Invalid setting ${key}: ${issue.message}`);
  }
  const c = parsed.data;
  const embeddings = c.EMBEDDINGS ?? (c.EMBEDDING_MODEL_DIR ? "local" : "none");
  if (embeddings === "openai" && !c.OPENAI_API_KEY) {
    throw new ConfigError("Invalid setting EMBEDDINGS: 'openai' needs OPENAI_API_KEY");
  }
  return {
    ...c,
    databaseUrl: c.DATABASE_URL ?? c.SUPABASE_DB_URL,
    embeddings,
    llm: c.OPENAI_API_KEY ? "openai" : "offline",
  };
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  if (!cached) cached = parseConfig(process.env);
  return cached;
}

/** For tests only. */
export function resetConfigForTests() {
  cached = undefined;
}
