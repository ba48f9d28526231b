import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("defaults to embedded PGlite, offline LLM and no embeddings", () => {
    const c = parseConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.PGLITE_DIR).toBe(".data/pglite");
    expect(c.llm).toBe("offline");
    expect(c.embeddings).toBe("none");
    expect(c.OPENAI_CHAT_MODEL).toBe("gpt-4o-mini");
    expect(c.PORT).toBe(3000);
  });

  it("names the bad setting in one line", () => {
    expect(() => parseConfig({ DATABASE_URL: "not-a-url" })).toThrowError(ConfigError);
    expect(() => parseConfig({ DATABASE_URL: "not-a-url" })).toThrowError(/^Invalid setting DATABASE_URL: /);
    expect(() => parseConfig({ PORT: "http" })).toThrowError(/PORT/);
    expect(() => parseConfig({ EMBEDDINGS: "magic" })).toThrowError(/EMBEDDINGS/);
    expect(() => parseConfig({ EMBEDDINGS: "openai" })).toThrowError(/OPENAI_API_KEY/);
  });

  it("accepts SUPABASE_DB_URL as an alias and prefers DATABASE_URL", () => {
    expect(parseConfig({ SUPABASE_DB_URL: "postgresql://u@h:5432/d" }).databaseUrl).toBe("postgresql://u@h:5432/d");
    expect(
      parseConfig({ SUPABASE_DB_URL: "postgres://a@h/x", DATABASE_URL: "postgres://b@h/y" }).databaseUrl,
    ).toBe("postgres://b@h/y");
  });

  it("switches to the LLM engine with a key and to local embeddings with a model dir", () => {
    const c = parseConfig({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:8000/v1", EMBEDDING_MODEL_DIR: "/m" });
    expect(c.llm).toBe("openai");
    expect(c.embeddings).toBe("local");
    expect(parseConfig({ EMBEDDING_MODEL_DIR: "/m", EMBEDDINGS: "none" }).embeddings).toBe("none");
    expect(parseConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });
});
