import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import {
  appendMessage, createConversation, getConversationById, getMessagesByConversationId, setConversationTitleIfEmpty,
} from "@/db/queries/conversations";
import { getMeta, setMeta } from "@/db/queries/meta";

export function conversationSuite(h: () => DbHandle) {
  describe("conversation queries", () => {
    it("stores messages and returns them oldest first, with their payload", async () => {
      const { db } = h();
      const c = await createConversation(db, { title: null, ownerTokenHash: "hash-1" });
      await appendMessage(db, c.id, { role: "user", content: "first", payload: null });
      await appendMessage(db, c.id, { role: "assistant", content: "second", payload: { type: "plan", plan: { a: 1 } } });
      await appendMessage(db, c.id, { role: "user", content: "third", payload: null });
      const msgs = await getMessagesByConversationId(db, c.id);
      expect(msgs.map((m) => m.content)).toEqual(["first", "second", "third"]);
      expect(msgs[1].payload).toEqual({ type: "plan", plan: { a: 1 } });
      const after = await getConversationById(db, c.id);
      expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(c.updatedAt.getTime());
    });

    it("sets a title only once and returns null for unknown ids", async () => {
      const { db } = h();
      const c = await createConversation(db, { title: null, ownerTokenHash: "hash-2" });
      await setConversationTitleIfEmpty(db, c.id, "Llama 70B");
      await setConversationTitleIfEmpty(db, c.id, "something else");
      expect((await getConversationById(db, c.id))!.title).toBe("Llama 70B");
      expect(await getConversationById(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    });

    it("deletes a conversation's messages with it (cascade)", async () => {
      const h0 = h();
      const c = await createConversation(h0.db, { title: "x", ownerTokenHash: "hash-3" });
      await appendMessage(h0.db, c.id, { role: "user", content: "gone soon", payload: null });
      const { sql } = await import("drizzle-orm");
      await h0.db.execute(sql`DELETE FROM chat.conversations WHERE id = ${c.id}`);
      expect(await getMessagesByConversationId(h0.db, c.id)).toEqual([]);
    });

    it("round-trips meta values", async () => {
      const { db } = h();
      await setMeta(db, "test-key", { n: 1 });
      await setMeta(db, "test-key", { n: 2, list: ["a"] });
      expect(await getMeta(db, "test-key")).toEqual({ n: 2, list: ["a"] });
      expect(await getMeta(db, "missing-key")).toBeNull();
    });
  });
}
