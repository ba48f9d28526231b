import type { Config } from "drizzle-kit";

export default {
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["public", "chat", "cloud", "hf"],
  dbCredentials: { url: process.env.DATABASE_URL ?? process.env.SUPABASE_DB_URL ?? "postgres://localhost/stack8s" },
} satisfies Config;
