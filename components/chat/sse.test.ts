import { describe, expect, it } from "vitest";
import { createSseParser, readSseStream, parseJsonData, type SseEvent } from "./sse";

function parseAll(chunks: string[], end = true): SseEvent[] {
  const events: SseEvent[] = [];
  const p = createSseParser((e) => events.push(e));
  for (const c of chunks) p.push(c);
  if (end) p.end();
  return events;
}

describe("createSseParser", () => {
  it("parses named events with JSON data", () => {
    const events = parseAll([
      'event: conversation\ndata: {"conversation_id":"abc","share_url":"/c/abc"}\n\n',
      'event: status\ndata: {"step":"requirements","message":"Understanding request"}\n\n',
    ]);
    expect(events).toEqual([
      { event: "conversation", data: '{"conversation_id":"abc","share_url":"/c/abc"}' },
      { event: "status", data: '{"step":"requirements","message":"Understanding request"}' },
    ]);
    expect(parseJsonData<{ step: string }>(events[1].data)?.step).toBe("requirements");
  });

  it("defaults the event name to message and joins multi-line data", () => {
    expect(parseAll(["data: one\ndata: two\n\n"])).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("handles chunks split anywhere, including inside a field name and a CRLF pair", () => {
    const text = 'event: delta\r\ndata: {"text":"Hello"}\r\n\r\nevent: delta\r\ndata: {"text":" world"}\r\n\r\n';
    const whole = parseAll([text]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(parseAll(chunks)).toEqual(whole);
    }
    expect(whole.map((e) => parseJsonData<{ text: string }>(e.data)?.text).join("")).toBe("Hello world");
  });

  it("accepts bare CR line endings, split across chunks", () => {
    expect(parseAll(["event: a\rdata: 1\r", "\rdata: 2\r\r"])).toEqual([
      { event: "a", data: "1" },
      { event: "message", data: "2" },
    ]);
  });

  it("ignores comments, unknown fields and events without data", () => {
    expect(parseAll([": keep-alive\n\nretry: 1000\nfoo: bar\n\nevent: empty\n\ndata: x\n\n"])).toEqual([
      { event: "message", data: "x" },
    ]);
  });

  it("strips only one leading space and keeps colons in values", () => {
    expect(parseAll(["data:  two spaces: yes\n\ndata:none\n\n"])).toEqual([
      { event: "message", data: " two spaces: yes" },
      { event: "message", data: "none" },
    ]);
  });

  it("tracks the last id", () => {
    expect(parseAll(["id: 7\ndata: a\n\ndata: b\n\n"])).toEqual([
      { event: "message", data: "a", id: "7" },
      { event: "message", data: "b", id: "7" },
    ]);
  });

  it("does not emit an unterminated event until end(), then delivers it", () => {
    const events: SseEvent[] = [];
    const p = createSseParser((e) => events.push(e));
    p.push("event: result\ndata: {}");
    expect(events).toEqual([]);
    p.end();
    expect(events).toEqual([{ event: "result", data: "{}" }]);
  });

  it("keeps an event name from leaking into the next event", () => {
    expect(parseAll(["event: status\ndata: 1\n\ndata: 2\n\n"]).map((e) => e.event)).toEqual(["status", "message"]);
  });
});

describe("readSseStream", () => {
  it("decodes UTF-8 split across byte chunks", async () => {
    const bytes = new TextEncoder().encode('event: delta\ndata: {"text":"8× H100 — €"}\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSseStream(stream, (e) => events.push(e));
    expect(events).toHaveLength(1);
    expect(parseJsonData<{ text: string }>(events[0].data)?.text).toBe("8× H100 — €");
  });
});

describe("parseJsonData", () => {
  it("returns undefined on invalid JSON", () => {
    expect(parseJsonData("{nope")).toBeUndefined();
  });
});
