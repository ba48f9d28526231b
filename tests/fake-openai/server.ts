import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { strictSchemaViolation } from "./strict-rules";

/**
 * A loopback fake of an OpenAI-compatible Chat Completions server (`POST /v1/chat/completions`,
 * streaming and not), for tests: no network, no key, an ephemeral port on 127.0.0.1. Like the
 * real API it rejects a `strict: true` json_schema that breaks OpenAI's rules with a 400, unless
 * `enforceSchema` is off (servers that ignore `response_format`). What it answers is set per
 * stage: requests with a `response_format` are the requirements agent, the others the writer.
 */
export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string | { type: string; text?: string }[] }[];
  response_format?: { type: string; json_schema?: { name?: string; strict?: boolean; schema?: unknown } };
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  [k: string]: unknown;
}

/** What to answer: assistant text, an HTTP error, or never answering. */
export type FakeReply =
  | { content: string }
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { hang: true };

export type FakeBehaviour = FakeReply | ((body: ChatRequestBody) => FakeReply);

export interface FakeSettings {
  requirements: FakeBehaviour;
  summary: FakeBehaviour;
  /** Apply OpenAI's strict-schema check (true: like OpenAI; false: like servers that ignore response_format). */
  enforceSchema: boolean;
  /** The key the server accepts (any other gets OpenAI's 401). */
  apiKey: string;
}

export interface RecordedRequest {
  stage: "requirements" | "summary";
  body: ChatRequestBody;
  authorization: string | undefined;
  status: number;
}

export interface FakeOpenAI {
  /** Base URL for OPENAI_BASE_URL, e.g. http://127.0.0.1:40123/v1 */
  url: string;
  requests: RecordedRequest[];
  set(s: Partial<FakeSettings>): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULTS: FakeSettings = {
  requirements: { status: 500, body: openAiError("No requirements behaviour set", "server_error") },
  summary: { status: 500, body: openAiError("No summary behaviour set", "server_error") },
  enforceSchema: true,
  apiKey: "sk-test-fake-key-0123456789",
};

export function openAiError(message: string, type: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

export async function startFakeOpenAI(initial: Partial<FakeSettings> = {}): Promise<FakeOpenAI> {
  let settings: FakeSettings = { ...DEFAULTS, ...initial };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return send(404, openAiError("Not found", "invalid_request_error"));
    let body: ChatRequestBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(400, openAiError("We could not parse the JSON body of your request.", "invalid_request_error"));
    }
    const stage = body.response_format ? "requirements" : "summary";
    const record = (status: number) => requests.push({ stage, body, authorization: req.headers.authorization, status });

    if (req.headers.authorization !== `Bearer ${settings.apiKey}`) {
      const given = (req.headers.authorization ?? "").replace(/^Bearer /, "");
      record(401);
      return send(401, openAiError(`Incorrect API key provided: ${given.slice(0, 5)}****${given.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", "invalid_api_key"));
    }
    const rf = body.response_format;
    if (settings.enforceSchema && rf?.type === "json_schema" && rf.json_schema?.strict) {
      const violation = strictSchemaViolation(rf.json_schema.name ?? "response", rf.json_schema.schema);
      if (violation) {
        record(400);
        return send(400, openAiError(violation, "invalid_request_error", null, "response_format"));
      }
    }
    const behaviour = settings[stage];
    const reply = typeof behaviour === "function" ? behaviour(body) : behaviour;
    if ("hang" in reply) {
      record(0);
      return; // never answers; the client's abort (or close()) ends it
    }
    if ("status" in reply) {
      record(reply.status);
      return send(reply.status, reply.body, reply.headers);
    }
    record(200);
    const id = `chatcmpl-fake${requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
    if (body.stream) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: "assistant", content: "" }, null));
      for (const piece of reply.content.match(/[\s\S]{1,16}/g) ?? []) res.write(chunk({ content: piece }, null));
      res.write(chunk({}, "stop"));
      if (body.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: body.model, choices: [], usage })}\n\n`);
      res.end("data: [DONE]\n\n");
      return;
    }
    send(200, {
      id, object: "chat.completion", created, model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: reply.content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage,
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    set(s) {
      settings = { ...settings, ...s };
    },
    reset() {
      settings = { ...DEFAULTS, ...initial };
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The text of a request's last user message. */
export function lastUserText(body: ChatRequestBody): string {
  const m = [...body.messages].reverse().find((x) => x.role === "user");
  if (!m) return "";
  return typeof m.content === "string" ? m.content : m.content.map((p) => p.text ?? "").join("");
}
