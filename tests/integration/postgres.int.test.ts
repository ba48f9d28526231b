import { describe, expect, it } from "vitest";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { runAllSuites } from "./run-suites";

const url = process.env.DATABASE_URL ?? process.env.SUPABASE_DB_URL;

if (url) {
  runAllSuites({ name: "postgres", open: () => openPostgres(url) });

  describe("[postgres] migrations", () => {
    it("apply cleanly to an empty database, twice in a row", async () => {
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      const name = `stack8s_mig_${Date.now()}`;
      await admin.unsafe(`CREATE DATABASE ${name}`);
      try {
        const target = new URL(url);
        target.pathname = `/${name}`;
        for (let i = 0; i < 2; i++) {
          const h = await openPostgres(target.toString());
          const rows = await h.query<{ n: string }>((await import("drizzle-orm")).sql`SELECT count(*) AS n FROM chat.conversations`);
          expect(Number(rows[0].n)).toBe(0);
          await h.close();
        }
      } finally {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  });
} else {
  describe.skip("[postgres] (set DATABASE_URL to run the query-layer suites on a real PostgreSQL)", () => {
    it("skipped", () => {});
  });
}
