/**
 * A small Server-Sent Events parser (the `text/event-stream` format from the HTML spec), fed with
 * text chunks as they arrive from `fetch` — chunks may split lines, fields or CRLF pairs anywhere.
 */

export interface SseEvent {
  /** The `event:` field, or "message" when absent. */
  event: string;
  /** All `data:` lines of the event joined with "\n". */
  data: string;
  /** The last `id:` seen so far, if any. */
  id?: string;
}

export interface SseParser {
  /** Feed the next chunk of decoded text. */
  push(chunk: string): void;
  /** End of stream: a final event without its blank line is still delivered. */
  end(): void;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];
  let hasData = false;
  let lastId: string | undefined;
  // A chunk ended with "\r": if the next one starts with "\n" it belongs to the same line break.
  let skipLeadingLf = false;

  function dispatch() {
    if (hasData) {
      onEvent({ event: eventName || "message", data: dataLines.join("\n"), ...(lastId !== undefined ? { id: lastId } : {}) });
    }
    eventName = "";
    dataLines = [];
    hasData = false;
  }

  function processLine(line: string) {
    if (line === "") {
      dispatch();
      return;
    }
    if (line.startsWith(":")) return; // comment / keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        eventName = value;
        break;
      case "data":
        dataLines.push(value);
        hasData = true;
        break;
      case "id":
        if (!value.includes("\0")) lastId = value;
        break;
      default:
        break; // "retry" and unknown fields are ignored
    }
  }

  return {
    push(chunk: string) {
      if (!chunk) return;
      let text = chunk;
      if (skipLeadingLf) {
        if (text.startsWith("\n")) text = text.slice(1);
        skipLeadingLf = false;
      }
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== "\n" && c !== "\r") continue;
        processLine(buffer.slice(start, i));
        if (c === "\r") {
          if (i + 1 < buffer.length) {
            if (buffer[i + 1] === "\n") i++;
          } else {
            skipLeadingLf = true;
          }
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer) processLine(buffer);
      buffer = "";
      dispatch();
    },
  };
}

/** Read a fetch body as SSE, calling `onEvent` for each event; resolves when the stream ends. */
export async function readSseStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const parser = createSseParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}

/** Parse an event's data as JSON; undefined when it is not valid JSON. */
export function parseJsonData<T = unknown>(data: string): T | undefined {
  try {
    return JSON.parse(data) as T;
  } catch {
    return undefined;
  }
}
