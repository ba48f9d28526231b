import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { streamText, zodSchema } from "ai";
import { parseConfig } from "@/lib/config";
import { llmEngine } from "@/lib/ai/provider";
import { z } from "zod";
import { llmRequirements, llmRequirementsWireSchema } from "@/lib/ai/requirements-llm";
import { clarificationQuestionSchema, workloadSpecSchema } from "@/lib/schemas/workload-spec";
import { startFakeOpenAI, type FakeOpenAI } from "./server";
import { requirementsReplies, summaryReplies } from "./replies";
import { strictSchemaViolation } from "./strict-rules";

let fake: FakeOpenAI;
/** The requirements schema the app sent before (the contract's optional fields left out of `required`). */
const previousSchema = z.object({
  spec: workloadSpecSchema,
  needs_clarification: z.boolean(),
  questions: z.array(clarificationQuestionSchema).max(3),
  assumptions: z.array(z.string()).max(12),
});
const engineFor = (f: FakeOpenAI, extra: Record<string, string> = {}) =>
  llmEngine(parseConfig({ OPENAI_API_KEY: "sk-test-fake-key-0123456789", OPENAI_BASE_URL: f.url, LLM_TIMEOUT_MS: "2000", ...extra }))!;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("OpenAI's strict-schema rules", () => {
  it("the app's real requirements request satisfies them: strict on, every property required, no extra keys", async () => {
    fake.set({ requirements: requirementsReplies.structured({ task: "inference", model: { name: "Llama 3 70B", params_b: 70 } }) });
    const r = await llmRequirements(engineFor(fake), [{ role: "user", content: "Serve Llama 3 70B" }]);
    expect(r.spec).toEqual({ task: "inference", model: { name: "Llama 3 70B", params_b: 70 } });
    expect(fake.requests).toHaveLength(1);
    const { body } = fake.requests[0];
    expect(body.temperature).toBe(0.1);
    expect(body.response_format?.type).toBe("json_schema");
    expect(body.response_format?.json_schema?.strict).toBe(true);
    expect(strictSchemaViolation(body.response_format!.json_schema!.name!, body.response_format!.json_schema!.schema)).toBeNull();
  });

  it("reject the optional-field schema the app used to send, with OpenAI's 400 wording", async () => {
    const old = await zodSchema(previousSchema).jsonSchema;
    expect(strictSchemaViolation("response", old)).toBe(
      "Invalid schema for response_format 'response': In context=('properties', 'spec'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'task'.",
    );
  });

  it("reject a missing additionalProperties, refused keywords and a non-object root", () => {
    expect(strictSchemaViolation("r", { type: "object", properties: { a: { type: "string" } }, required: ["a"] })).toBe(
      "Invalid schema for response_format 'r': In context=(), 'additionalProperties' is required to be supplied and to be false.",
    );
    expect(strictSchemaViolation("r", { type: "object", properties: { a: { type: "string", default: "x" } }, required: ["a"], additionalProperties: false })).toMatch(
      /In context=\('properties', 'a'\), 'default' is not permitted\./,
    );
    expect(strictSchemaViolation("r", { type: "array", items: {} })).toMatch(/must be a JSON Schema of 'type: "object"'/);
    expect(strictSchemaViolation("r", zodSchema(llmRequirementsWireSchema).jsonSchema)).toBeNull();
  });

  it("the fake answers a strict request with the old schema by a 400 (as OpenAI does)", async () => {
    const res = await fetch(`${fake.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer sk-test-fake-key-0123456789", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [], response_format: { type: "json_schema", json_schema: { name: "response", strict: true, schema: await zodSchema(previousSchema).jsonSchema } } }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ type: "invalid_request_error", param: "response_format" });
    expect(body.error.message).toMatch(/Missing 'task'/);
  });
});

describe("the fake server", () => {
  it("streams Chat Completions chunks that the real provider reads", async () => {
    fake.set({ summary: summaryReplies.lorem() });
    const result = streamText({ model: engineFor(fake).model, prompt: "Say something" });
    let text = "";
    for await (const piece of result.textStream) text += piece;
    expect(text).toBe("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.");
    expect(fake.requests[0].body.stream).toBe(true);
  });

  it("answers a wrong key with OpenAI's 401", async () => {
    fake.set({ summary: summaryReplies.lorem() });
    const res = await fetch(`${fake.url}/chat/completions`, { method: "POST", headers: { authorization: "Bearer nope" }, body: JSON.stringify({ model: "m", messages: [] }) });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("invalid_api_key");
  });
});
