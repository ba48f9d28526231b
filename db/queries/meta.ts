import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meta } from "@/db/schema";

export async function getMeta<T>(db: Db, key: string): Promise<T | null> {
  const rows = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).limit(1);
  return rows.length ? (rows[0].value as T) : null;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await db
    .insert(meta)
    .values({ key, value })
    .onConflictDoUpdate({ target: meta.key, set: { value, updatedAt: sql`now()` } });
}
