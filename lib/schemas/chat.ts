import { z } from "zod";
import { clarificationSchema, workloadSpecSchema } from "./workload-spec";
import { deploymentPlanSchema } from "./plan";
import { engineNotesSchema } from "./engines";

export const MAX_MESSAGE_CHARS = 8000;

const messageText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`);

export const chatStartBodySchema = z
  .object({
    title: z.string().trim().max(200).optional(),
    message: messageText.optional(),
  })
  .strict();

export const chatMessageBodySchema = z
  .object({
    conversation_id: z.uuid("must be a UUID"),
    message: messageText,
  })
  .strict();

export const chatResponseSchema = z
  .object({
    conversation_id: z.uuid(),
    message_id: z.uuid(),
    type: z.enum(["clarification", "plan"]),
    content: z.string(),
    spec: workloadSpecSchema,
    clarification: clarificationSchema.nullable(),
    plan: deploymentPlanSchema.nullable(),
    // Extensions:
    user_message_id: z.uuid().optional(),
    engine: z.enum(["llm", "offline"]).optional(),
    engine_notes: engineNotesSchema.optional(),
  })
  .describe("ChatResponse");

export const chatStartResponseSchema = z.object({
  conversation_id: z.uuid(),
  owner_token: z.string(),
  share_url: z.string(),
  created_at: z.string(),
  title: z.string().nullable(),
  response: chatResponseSchema.optional(),
});

export const storedMessageSchema = z.object({
  id: z.uuid(),
  role: z.enum(["user", "assistant", "system"]),
  content: z.string(),
  created_at: z.string(),
  type: z.enum(["clarification", "plan"]).optional(),
  spec: workloadSpecSchema.optional(),
  clarification: clarificationSchema.nullable().optional(),
  plan: deploymentPlanSchema.nullable().optional(),
  // Extension: set on an assistant message that reports a failed pipeline run.
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const conversationSchema = z.object({
  conversation_id: z.uuid(),
  title: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  messages: z.array(storedMessageSchema),
  // Extension: whether the caller holds the owner token (cookie or bearer).
  is_owner: z.boolean().optional(),
});

export type ChatResponse = z.infer<typeof chatResponseSchema>;
export type ChatStartResponse = z.infer<typeof chatStartResponseSchema>;
export type StoredMessage = z.infer<typeof storedMessageSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
