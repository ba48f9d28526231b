/** A conversation title from its first message: first line, at most 80 characters. */
export function titleFrom(message: string): string {
  const line = message.trim().split(/\r?\n/)[0].replace(/\s+/g, " ");
  return line.length > 80 ? `${line.slice(0, 77).trimEnd()}…` : line;
}
