const encoder = new TextEncoder();

/** One Server-Sent Event frame. */
export function sseEvent(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Split markdown into paragraph-sized deltas (the whole text, in order). */
export function splitForStreaming(text: string): string[] {
  const parts = text.split(/(?<=\n\n)/);
  return parts.length ? parts : [text];
}
