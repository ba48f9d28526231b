import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages } from "@/db/schema";

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Pick<typeof messages.$inferInsert, "role" | "content" | "payload">;

export async function createConversation(
  db: Db,
  { title, ownerTokenHash }: { title: string | null; ownerTokenHash: string },
): Promise<ConversationRow> {
  const [row] = await db.insert(conversations).values({ title, ownerTokenHash }).returning();
  return row;
}

export async function getConversationById(db: Db, id: string): Promise<ConversationRow | null> {
  const rows = await db.select().from(conversations).where(eq(conversations.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function getMessagesByConversationId(db: Db, conversationId: string): Promise<MessageRow[]> {
  return db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

/** Append one message and bump the conversation's updated_at, atomically. */
export async function appendMessage(db: Db, conversationId: string, m: NewMessage): Promise<MessageRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(messages).values({ ...m, conversationId }).returning();
    await tx.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, conversationId));
    return row;
  });
}

export async function setConversationTitleIfEmpty(db: Db, id: string, title: string): Promise<void> {
  await db
    .update(conversations)
    .set({ title })
    .where(and(eq(conversations.id, id), sql`${conversations.title} IS NULL`));
}
