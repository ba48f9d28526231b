import { z } from "zod";
import { MAX_MESSAGE_CHARS } from "@/lib/schemas/chat";

/** The browser's streaming chat body: continue `conversation_id`, or start a new conversation. */
export const chatStreamBodySchema = z
  .object({
    conversation_id: z.uuid("must be a UUID").optional(),
    message: z.string().trim().min(1, "must not be empty").max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
  })
  .strict();
