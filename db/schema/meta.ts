import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Catalog provenance and state: source, data dates, row counts, embedding model, seeding progress. */
export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
