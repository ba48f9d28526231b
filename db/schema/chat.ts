import { sql } from "drizzle-orm";
import { index, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const chat = pgSchema("chat");

export const conversations = chat.table("conversations", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** sha256 hex of the owner token; the token itself is never stored. */
  ownerTokenHash: text("owner_token_hash").notNull(),
  /** "link": anyone with the URL can read (the contract's share_url). */
  visibility: text("visibility", { enum: ["link", "private"] }).notNull().default("link"),
});

export const messages = chat.table(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant", "system"] }).notNull(),
    content: text("content").notNull(),
    /** { type, spec, clarification, plan, engine, error } for assistant messages. */
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index("messages_conversation_created_idx").on(t.conversationId, t.createdAt, t.id)],
);
