import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { chatResponseSchema, chatStartResponseSchema, conversationSchema, type ChatResponse, type Conversation } from "@/lib/schemas/chat";
import { computeSearchResponseSchema, hfSearchResponseSchema, k8sSearchResponseSchema } from "@/lib/schemas/tools";
import { hashOwnerToken, ownerCookieName } from "@/lib/server/owner-token";
import { setToolsOverrideForTests } from "@/lib/server/agent-deps";
import { api, ask, parseSse, reply } from "../api-client";
import { expectClarification, expectPlanInvariants, expectValidResponse, useOfflineRoutes } from "./chat-helpers";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** The cookie a browser would send back, from a Set-Cookie header. */
const cookieFrom = (setCookie: string | null) => (setCookie ?? "").split(";")[0];

/** The error envelope of the contract, with each bad field named in details[].path. */
function expectError(r: { status: number; json: any; headers: Headers }, status: number, code: string) {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/application\/json/);
  expect(r.json.error.code).toBe(code);
  expect(typeof r.json.error.message).toBe("string");
  expect(r.json.error.message.length).toBeGreaterThan(0);
  expect(Array.isArray(r.json.error.details)).toBe(true);
  return r.json.error as { code: string; message: string; details: { path: string; issue: string }[] };
}
const paths = (e: { details: { path: string }[] }) => e.details.map((d) => d.path);

/** The structured fields an assistant message carries (as stored), for comparison with a ChatResponse. */
const structured = (x: Partial<Pick<ChatResponse, "type" | "spec" | "clarification" | "plan">>) => ({ type: x.type, spec: x.spec, clarification: x.clarification, plan: x.plan });

export function chatApiSuite(h: () => DbHandle) {
  describe("chat API contract", () => {
    useOfflineRoutes(h);
    afterEach(() => setToolsOverrideForTests(null));

    const countMessages = async (id: string) => Number((await h().query<{ n: string }>(sql`SELECT count(*) AS n FROM chat.messages WHERE conversation_id = ${id}`))[0].n);
    const countConversations = async () => Number((await h().query<{ n: string }>(sql`SELECT count(*) AS n FROM chat.conversations`))[0].n);

    describe("POST /api/v1/chat/start", () => {
      it("without a message: 201, owner token, share URL, httpOnly cookie, no response", async () => {
        const r = await api.start({});
        expect(r.status).toBe(201);
        expect(chatStartResponseSchema.safeParse(r.json).success).toBe(true);
        expect(r.json.conversation_id).toMatch(UUID_RE);
        expect(r.json.share_url).toBe(`/c/${r.json.conversation_id}`);
        expect(typeof r.json.owner_token).toBe("string");
        expect(r.json.owner_token.length).toBeGreaterThanOrEqual(32);
        expect(Number.isNaN(Date.parse(r.json.created_at))).toBe(false);
        expect(r.json.title).toBeNull();
        expect(r.json.response).toBeUndefined();
        const setCookie = r.headers.get("set-cookie")!;
        expect(setCookie).toContain(`${ownerCookieName(r.json.conversation_id)}=${r.json.owner_token}`);
        expect(setCookie).toMatch(/HttpOnly/i);
        expect(setCookie).toMatch(/SameSite=Lax/i);
      });

      it("an empty body is fine too, and a title is kept", async () => {
        const empty = await api.raw.start({ body: "", headers: { "content-type": "application/json", "x-forwarded-for": "10.250.0.1" } });
        expect(empty.status).toBe(201);
        const titled = await api.start({ title: "My GPU plan" });
        expect(titled.status).toBe(201);
        expect(titled.json.title).toBe("My GPU plan");
      });

      it("with a message: 201 and the first ChatResponse, titled from the message", async () => {
        const r = await api.start({ message: "I need to deploy Llama 70B for inference" });
        expect(r.status).toBe(201);
        expect(chatStartResponseSchema.safeParse(r.json).success).toBe(true);
        const resp: ChatResponse = r.json.response;
        expectValidResponse(resp);
        expect(resp.conversation_id).toBe(r.json.conversation_id);
        expect(resp.type).toBe("plan");
        expect(resp.engine).toBe("offline");
        expect(r.json.title).toMatch(/Llama/);
      });

      it("a rejected start stores nothing", async () => {
        const before = await countConversations();
        for (const body of [{ message: "" }, { message: "x".repeat(8001) }, { title: 5 }, { message: "hi", extra: true }]) {
          const r = await api.start(body);
          expect(r.status, JSON.stringify(body)).toBe(400);
        }
        expect(await countConversations()).toBe(before);
      });

      it("too many starts from one address: 429 with Retry-After", async () => {
        const ip = { "x-forwarded-for": "10.251.7.7" };
        let last = await api.start({}, ip);
        for (let i = 0; i < 40 && last.status === 201; i++) last = await api.start({}, ip);
        const e = expectError(last, 429, "rate_limited");
        expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(e.message).toMatch(/retry/i);
      });
    });

    describe("POST /api/v1/chat/message and GET /api/v1/chat/{id}", () => {
      it("200 ChatResponse; the conversation reads back oldest first with the same structured fields", async () => {
        const { start, response: first } = await ask("I need some GPUs");
        expectClarification(first);
        const second = await reply(start, "A chat / text LLM, for inference, no budget");
        expect(chatResponseSchema.safeParse(second).success).toBe(true);
        expect(second.conversation_id).toBe(start.conversation_id);
        expect(second.message_id).toMatch(UUID_RE);
        expect(second.message_id).not.toBe(first.message_id);
        const g = await api.get(start.conversation_id);
        expect(g.status).toBe(200);
        expect(g.headers.get("cache-control")).toMatch(/no-store/);
        const parsed = conversationSchema.safeParse(g.json);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        const conv: Conversation = g.json;
        expect(conv.conversation_id).toBe(start.conversation_id);
        expect(conv.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
        expect(conv.messages.map((m) => m.content)).toEqual(["I need some GPUs", first.content, "A chat / text LLM, for inference, no budget", second.content]);
        const times = conv.messages.map((m) => Date.parse(m.created_at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(conv.messages[0].type).toBeUndefined();
        expect(conv.messages[1].id).toBe(first.message_id);
        expect(conv.messages[3].id).toBe(second.message_id);
        expect(conv.messages[2].id).toBe(second.user_message_id);
        expect(structured(conv.messages[1])).toEqual(structured(first));
        expect(structured(conv.messages[3])).toEqual(structured(second));
        expect(Date.parse(conv.updated_at)).toBeGreaterThanOrEqual(Date.parse(conv.created_at));
      });

      it("anyone with the share URL can read; only the owner is told is_owner", async () => {
        const { start } = await ask("Serve Llama 3.1 8B");
        const anon = await api.get(start.conversation_id);
        expect(anon.status).toBe(200);
        expect(anon.json.is_owner).toBe(false);
        const owner = await api.get(start.conversation_id, { authorization: `Bearer ${start.owner_token}` });
        expect(owner.json.is_owner).toBe(true);
      });

      it("writing needs the owner token: 401 missing, 403 wrong, the cookie works; refusals store nothing", async () => {
        const s = await api.start({});
        const id = s.json.conversation_id;
        const body = { conversation_id: id, message: "Serve Llama 3.1 8B" };
        expectError(await api.message(null, body), 401, "unauthorized");
        expectError(await api.message("not-the-token", body), 403, "forbidden");
        const other = await api.start({});
        expectError(await api.message(other.json.owner_token, body), 403, "forbidden");
        expect(await countMessages(id)).toBe(0);
        const r = await api.message(null, body, { cookie: cookieFrom(s.headers.get("set-cookie")) });
        expect(r.status).toBe(200);
        expectValidResponse(r.json);
        expect(await countMessages(id)).toBe(2);
        // A cookie for another conversation does not open this one.
        expectError(await api.message(null, body, { cookie: cookieFrom(other.headers.get("set-cookie")) }), 401, "unauthorized");
      });

      it("the owner token is never stored: only its 64-hex SHA-256", async () => {
        const s = await api.start({ message: "Serve Llama 3.1 8B" });
        const token: string = s.json.owner_token;
        const rows = await h().query<Record<string, unknown>>(sql`SELECT * FROM chat.conversations WHERE id = ${s.json.conversation_id}`);
        expect(rows).toHaveLength(1);
        expect(rows[0].owner_token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(rows[0].owner_token_hash).toBe(hashOwnerToken(token));
        expect(JSON.stringify(rows[0])).not.toContain(token);
        const msgs = await h().query<Record<string, unknown>>(sql`SELECT * FROM chat.messages WHERE conversation_id = ${s.json.conversation_id}`);
        expect(msgs.length).toBe(2);
        expect(JSON.stringify(msgs)).not.toContain(token);
      });

      it("404 for an unknown conversation, on read and on write", async () => {
        expectError(await api.get(UNKNOWN_ID), 404, "not_found");
        expectError(await api.message("some-token", { conversation_id: UNKNOWN_ID, message: "hello" }), 404, "not_found");
      });

      it("400 naming each bad field, and nothing stored", async () => {
        const s = await api.start({});
        const id = s.json.conversation_id;
        const t = s.json.owner_token;
        const bad: [unknown, string][] = [
          [{ conversation_id: id, message: "" }, "message"],
          [{ conversation_id: id, message: "   " }, "message"],
          [{ conversation_id: id, message: "x".repeat(8001) }, "message"],
          [{ conversation_id: "not-a-uuid", message: "hi" }, "conversation_id"],
          [{ conversation_id: id, message: 42 }, "message"],
          [{ conversation_id: 7, message: "hi" }, "conversation_id"],
          [{ message: "hi" }, "conversation_id"],
          [{ conversation_id: id }, "message"],
        ];
        for (const [body, field] of bad) {
          const e = expectError(await api.message(t, body), 400, "bad_request");
          expect(paths(e), JSON.stringify(body)).toContain(field);
          expect(e.message).toContain(field);
        }
        // Two bad fields → both named.
        const both = expectError(await api.message(t, { conversation_id: "x", message: 1 }), 400, "bad_request");
        expect(paths(both)).toEqual(expect.arrayContaining(["conversation_id", "message"]));
        // Unknown fields are rejected and named in details[].path.
        const extra = expectError(await api.message(t, { conversation_id: id, message: "hi", extra: true }), 400, "bad_request");
        expect(paths(extra)).toEqual(["extra"]);
        // Exactly 8000 characters is allowed.
        expect(await countMessages(id)).toBe(0);
        const ok = await api.message(t, { conversation_id: id, message: `Serve Llama 3.1 8B. ${"x".repeat(8000 - 20)}` });
        expect(ok.status).toBe(200);
        expect(await countMessages(id)).toBe(2);
      });

      it("415 for a body that is not JSON, 413 for one too large, 400 for malformed JSON", async () => {
        const s = await api.start({});
        const id = s.json.conversation_id;
        const auth = { authorization: `Bearer ${s.json.owner_token}` };
        const body = JSON.stringify({ conversation_id: id, message: "hi" });
        expectError(await api.raw.message({ body, headers: { ...auth, "content-type": "text/plain" } }), 415, "unsupported_media_type");
        expectError(await api.raw.message({ body, headers: auth }), 415, "unsupported_media_type");
        const huge = JSON.stringify({ conversation_id: id, message: "x".repeat(MAX_BODY_BYTES) });
        expectError(await api.raw.message({ body: huge, headers: { ...auth, "content-type": "application/json" } }), 413, "payload_too_large");
        expectError(await api.raw.message({ body: huge, headers: { ...auth, "content-type": "application/json", "content-length": String(huge.length) } }), 413, "payload_too_large");
        const e = expectError(await api.raw.message({ body: '{"conversation_id": "', headers: { ...auth, "content-type": "application/json" } }), 400, "bad_request");
        expect(paths(e)).toEqual(["(body)"]);
        expectError(await api.raw.message({ body: "[1,2]", headers: { ...auth, "content-type": "application/json" } }), 400, "bad_request");
        expect(await countMessages(id)).toBe(0);
      });

      it("a failed pipeline stores an assistant error message, answers a clear 503, and the conversation goes on", async () => {
        const { start } = await ask("I need some GPUs");
        setToolsOverrideForTests((tools) => ({
          ...tools,
          computeSearch: async () => {
            throw new Error("injected compute_search failure");
          },
        }));
        const failed = await api.message(start.owner_token, { conversation_id: start.conversation_id, message: "Serve Llama 3.1 8B for inference" });
        const e = expectError(failed, 503, "unavailable");
        expect(e.message).toMatch(/planner failed/i);
        expect(e.message).not.toMatch(/injected/); // internals are logged, not returned
        const conv: Conversation = (await api.get(start.conversation_id)).json;
        expect(conversationSchema.safeParse(conv).success).toBe(true);
        const last = conv.messages[conv.messages.length - 1];
        expect(conv.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
        expect(last.error).toEqual({ code: "pipeline_failed", message: e.message });
        expect(last.type).toBeUndefined();
        expect(last.plan).toBeUndefined();
        setToolsOverrideForTests(null);
        const again = await reply(start, "Serve Llama 3.1 8B for inference");
        expectPlanInvariants(again);
      });
    });

    describe("streaming route (SSE)", () => {
      it("conversation → status… → delta… → result, in order; stores the same messages as the JSON route", async () => {
        const message = "I need to deploy Llama 70B for inference";
        const r = await api.stream({ message });
        expect(r.status).toBe(200);
        expect(r.headers.get("content-type")).toMatch(/^text\/event-stream/);
        expect(r.headers.get("set-cookie")).toMatch(/HttpOnly/i);
        const events = parseSse(r.text);
        const names = events.map((e) => e.event);
        expect(names[0]).toBe("conversation");
        expect(names[names.length - 1]).toBe("result");
        const firstDelta = names.indexOf("delta");
        const lastStatus = names.lastIndexOf("status");
        expect(lastStatus).toBeGreaterThan(0);
        expect(firstDelta).toBeGreaterThan(lastStatus);
        expect(names.slice(firstDelta, -1).every((n) => n === "delta")).toBe(true);
        expect(names.slice(1, firstDelta).every((n) => n === "status")).toBe(true);
        expect(events.filter((e) => e.event === "status").map((e) => e.data.step)).toEqual(["requirements", "local_check", "compute_search", "hf_search", "k8s_search", "writing"]);
        const created = events[0].data;
        expect(created.share_url).toBe(`/c/${created.conversation_id}`);
        const result: ChatResponse = events[events.length - 1].data;
        expectValidResponse(result);
        expect(result.conversation_id).toBe(created.conversation_id);
        expect(events.filter((e) => e.event === "delta").map((e) => e.data.text).join("")).toBe(result.content);

        // Stored like the JSON route stores it (the offline engine is deterministic).
        const viaJson = await ask(message);
        const a = (await api.get(created.conversation_id)).json as Conversation;
        const b = (await api.get(viaJson.start.conversation_id)).json as Conversation;
        expect(a.messages.map((m) => [m.role, m.content])).toEqual(b.messages.map((m) => [m.role, m.content]));
        expect(structured(a.messages[1])).toEqual(structured(b.messages[1]));
        expect(structured(a.messages[1])).toEqual(structured(result));
        expect(a.messages[1].id).toBe(result.message_id);
      });

      it("continues a conversation with its cookie or bearer token, and refuses without", async () => {
        const first = await api.stream({ message: "I need some GPUs" });
        const id = parseSse(first.text)[0].data.conversation_id;
        const cookie = cookieFrom(first.headers.get("set-cookie"));
        expectError(await api.stream({ conversation_id: id, message: "A chat / text LLM" }), 401, "unauthorized");
        const next = await api.stream({ conversation_id: id, message: "A chat / text LLM" }, { cookie });
        const events = parseSse(next.text);
        expect(events[0].event).toBe("status"); // no new conversation event
        expect(events[events.length - 1].event).toBe("result");
        const conv = (await api.get(id)).json as Conversation;
        expect(conv.messages).toHaveLength(4);
      });

      it("400 names bad fields before any stream starts", async () => {
        const e = expectError(await api.stream({ message: "" }), 400, "bad_request");
        expect(paths(e)).toContain("message");
        const e2 = expectError(await api.stream({ message: "hi", conversation_id: "nope" }), 400, "bad_request");
        expect(paths(e2)).toContain("conversation_id");
      });

      it("a failed pipeline ends the stream with an error event and stores the assistant error message", async () => {
        setToolsOverrideForTests((tools) => ({
          ...tools,
          hfSearch: async () => {
            throw new Error("injected hf_search failure");
          },
        }));
        const r = await api.stream({ message: "Serve Llama 3.1 8B" });
        const events = parseSse(r.text);
        const last = events[events.length - 1];
        expect(last.event).toBe("error");
        expect(last.data.error.code).toBe("unavailable");
        expect(events.some((e) => e.event === "result")).toBe(false);
        const conv = (await api.get(events[0].data.conversation_id)).json as Conversation;
        expect(conv.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
        expect(conv.messages[1].error?.code).toBe("pipeline_failed");
      });
    });

    describe("tools routes", () => {
      it("compute search: 400 naming bad fields; 200 ranked results that honour the filters", async () => {
        for (const [body, field] of [
          [{ min_gpu_count: "two" }, "min_gpu_count"],
          [{ top_k: 1000 }, "top_k"],
          [{ gpu: "maybe" }, "gpu"],
          [{ max_price_per_hour_usd: -1 }, "max_price_per_hour_usd"],
          [{ providers: "aws" }, "providers"],
          [{ providers: [""] }, "providers.0"],
        ] as const) {
          const e = expectError(await api.compute(body), 400, "bad_request");
          expect(paths(e), JSON.stringify(body)).toContain(field);
        }
        expectError(await api.raw.compute({ body: "{}", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
        const r = await api.compute({ min_total_gpu_memory_gb: 80, providers: ["aws", "gcp"], max_price_per_hour_usd: 50, top_k: 20 });
        expect(r.status).toBe(200);
        expect(computeSearchResponseSchema.safeParse(r.json).success).toBe(true);
        expect(r.json.results.length).toBeGreaterThan(0);
        expect(r.json.total_matches).toBeGreaterThanOrEqual(r.json.results.length);
        const prices = r.json.results.map((x: { price_per_hour_usd: number }) => x.price_per_hour_usd);
        expect(prices).toEqual([...prices].sort((a: number, b: number) => a - b));
        for (const x of r.json.results) {
          expect(["aws", "gcp"]).toContain(x.provider);
          expect(x.gpu_memory_gb).toBeGreaterThanOrEqual(80);
          expect(x.price_per_hour_usd).toBeLessThanOrEqual(50);
          expect(x.monthly_cost_usd).toBeCloseTo(x.price_per_hour_usd * 730, 1);
        }
        expect(r.json.query.top_k).toBe(20);
      });

      it("k8s search: 400 without a query; 200 with the chart asked for", async () => {
        expect(paths(expectError(await api.k8s({}), 400, "bad_request"))).toContain("query");
        expect(paths(expectError(await api.k8s({ query: "   " }), 400, "bad_request"))).toContain("query");
        expect(paths(expectError(await api.k8s({ query: "x", top_k: 0 }), 400, "bad_request"))).toContain("top_k");
        const r = await api.k8s({ query: "mlflow", top_k: 5 });
        expect(r.status).toBe(200);
        expect(k8sSearchResponseSchema.safeParse(r.json).success).toBe(true);
        expect(r.json.results.length).toBeLessThanOrEqual(5);
        expect(r.json.results.map((p: { name: string }) => p.name)).toContain("mlflow");
      });

      it("hf search: 400 naming bad fields; 200 with scores in [0,1], best first, within max_params_b", async () => {
        expect(paths(expectError(await api.hf({ query: 5 }), 400, "bad_request"))).toContain("query");
        expect(paths(expectError(await api.hf({ query: "llama", max_params_b: -3 }), 400, "bad_request"))).toContain("max_params_b");
        expect(paths(expectError(await api.hf({ query: "llama", top_k: 51 }), 400, "bad_request"))).toContain("top_k");
        const r = await api.hf({ query: "llama instruct", task: "text-generation", max_params_b: 10, top_k: 5 });
        expect(r.status).toBe(200);
        expect(hfSearchResponseSchema.safeParse(r.json).success).toBe(true);
        expect(r.json.results.length).toBeGreaterThan(0);
        const scores = r.json.results.map((m: { score: number }) => m.score);
        expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
        for (const m of r.json.results) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
          if (m.params_b !== null) expect(m.params_b).toBeLessThanOrEqual(10);
        }
      });
    });
  });
}
