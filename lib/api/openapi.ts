import { z } from "zod";
import { createDocument } from "zod-openapi";
import { chatMessageBodySchema, chatResponseSchema, chatStartBodySchema, chatStartResponseSchema, conversationSchema } from "@/lib/schemas/chat";
import { errorSchema, healthSchema } from "@/lib/schemas/common";
import {
  computeSearchBodySchema, computeSearchResponseSchema, hfSearchBodySchema, hfSearchResponseSchema, k8sSearchBodySchema,
  k8sSearchResponseSchema,
} from "@/lib/schemas/tools";
import { deploymentPlanSchema } from "@/lib/schemas/plan";
import { API_VERSION } from "./endpoints";
import { artifactPathSchema, messagePathSchema } from "./plan-params";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c], ...json(errorSchema) }]));
const ERROR_TEXT: Record<number, string> = {
  400: "Invalid body; details name each bad field",
  401: "Missing owner token",
  403: "Wrong owner token",
  404: "Unknown conversation, message, plan or file",
  413: "Body too large",
  415: "Body is not JSON",
  429: "Rate limited (Retry-After)",
  503: "Database, catalog or model provider unavailable",
};
const bearer = [{ ownerToken: [] }];

/** OpenAPI 3.1, generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stack8s API",
      version: API_VERSION,
      description: "Describe an AI workload; get clarifying questions or a deployment plan (sizing, priced instances, models, Helm charts, steps).",
    },
    components: { securitySchemes: { ownerToken: { type: "http", scheme: "bearer", description: "The owner_token from /chat/start" } } },
    paths: {
      "/api/v1/chat/start": {
        post: {
          summary: "Start a conversation (optionally with a first message)",
          requestBody: json(chatStartBodySchema),
          responses: { "201": { description: "Created; also sets the owner cookie", ...json(chatStartResponseSchema) }, ...errors(400, 413, 415, 429, 503) },
        },
      },
      "/api/v1/chat/message": {
        post: {
          summary: "Add a message; returns a clarification or a deployment plan",
          security: bearer,
          requestBody: json(chatMessageBodySchema),
          responses: { "200": { description: "The stored assistant message", ...json(chatResponseSchema) }, ...errors(400, 401, 403, 404, 413, 415, 429, 503) },
        },
      },
      "/api/v1/chat/{conversation_id}": {
        get: {
          summary: "Read a conversation (anyone with the id can read it)",
          requestParams: { path: z.object({ conversation_id: z.uuid() }) },
          responses: { "200": { description: "Messages oldest first", ...json(conversationSchema) }, ...errors(400, 404, 503) },
        },
      },
      "/api/v1/chat/{conversation_id}/messages/{message_id}/artifacts/{filename}": {
        get: {
          summary: "Download one deployment file of a plan (plan.artifacts[].filename); anyone with the conversation id can read it",
          requestParams: { path: artifactPathSchema },
          responses: {
            "200": {
              description: "The file itself (the API's one non-JSON success), with its media type and Content-Disposition: attachment",
              content: { "application/yaml": { schema: { type: "string" } }, "application/x-sh": { schema: { type: "string" } } },
            },
            ...errors(400, 404, 503),
          },
        },
      },
      "/api/v1/chat/{conversation_id}/messages/{message_id}/plan.md": {
        get: {
          summary: "The whole plan as a Markdown document (made on request)",
          requestParams: { path: messagePathSchema },
          responses: { "200": { description: "Markdown with the plan's tables, steps, warnings and files", content: { "text/markdown": { schema: { type: "string" } } } }, ...errors(400, 404, 503) },
        },
      },
      "/api/v1/chat/{conversation_id}/messages/{message_id}/plan.json": {
        get: {
          summary: "The whole plan as JSON (made on request)",
          requestParams: { path: messagePathSchema },
          responses: { "200": { description: "The DeploymentPlan", ...json(deploymentPlanSchema) }, ...errors(400, 404, 503) },
        },
      },
      "/api/v1/tools/compute/search": {
        post: {
          summary: "Search priced cloud instances",
          requestBody: json(computeSearchBodySchema),
          responses: { "200": { description: "Ranked distinct instance types", ...json(computeSearchResponseSchema) }, ...errors(400, 413, 415, 503) },
        },
      },
      "/api/v1/tools/k8s/search": {
        post: {
          summary: "Search Helm charts",
          requestBody: json(k8sSearchBodySchema),
          responses: { "200": { description: "Ranked charts", ...json(k8sSearchResponseSchema) }, ...errors(400, 413, 415, 503) },
        },
      },
      "/api/v1/tools/hf/search": {
        post: {
          summary: "Search Hugging Face models",
          requestBody: json(hfSearchBodySchema),
          responses: { "200": { description: "Ranked models", ...json(hfSearchResponseSchema) }, ...errors(400, 413, 415, 503) },
        },
      },
      "/api/health": {
        get: { summary: "Service, database and catalog status", responses: { "200": { description: "Status", ...json(healthSchema) }, "503": { description: "Database unavailable", ...json(healthSchema) } } },
      },
      "/api/v1": { get: { summary: "API name, version and endpoints", responses: { "200": { description: "Index" } } } },
    },
  });
}
