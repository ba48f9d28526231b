/** The public JSON API, listed by GET /api/v1 and documented by /api/v1/openapi.json. */
export const API_NAME = "stack8s";
export const API_VERSION = "1.0.0";

export const ENDPOINTS = [
  { method: "GET", path: "/api/health", summary: "Service, database and catalog status" },
  { method: "GET", path: "/api/v1", summary: "This list" },
  { method: "GET", path: "/api/v1/openapi.json", summary: "OpenAPI 3.1 document" },
  { method: "POST", path: "/api/v1/chat/start", summary: "Start a conversation (optionally with a first message)" },
  { method: "POST", path: "/api/v1/chat/message", summary: "Add a message; returns a clarification or a plan" },
  { method: "GET", path: "/api/v1/chat/{conversation_id}", summary: "Read a conversation" },
  { method: "GET", path: "/api/v1/chat/{conversation_id}/messages/{message_id}/artifacts/{filename}", summary: "Download one deployment file of a plan" },
  { method: "GET", path: "/api/v1/chat/{conversation_id}/messages/{message_id}/plan.md", summary: "The plan as Markdown" },
  { method: "GET", path: "/api/v1/chat/{conversation_id}/messages/{message_id}/plan.json", summary: "The plan as JSON" },
  { method: "POST", path: "/api/v1/tools/compute/search", summary: "Search priced cloud instances" },
  { method: "POST", path: "/api/v1/tools/k8s/search", summary: "Search Helm charts" },
  { method: "POST", path: "/api/v1/tools/hf/search", summary: "Search Hugging Face models" },
] as const;
