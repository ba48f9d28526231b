import crypto from "node:crypto";

/** A fresh owner token (returned once, never stored) and the hash that is stored. */
export function newOwnerToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashOwnerToken(token) };
}

export function hashOwnerToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of a presented token against the stored hash. */
export function ownerTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashOwnerToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Per-conversation cookie that carries the owner token for browsers. */
export function ownerCookieName(conversationId: string): string {
  return `s8_owner_${conversationId.replace(/-/g, "")}`;
}

export function ownerCookie(conversationId: string, token: string, secure: boolean): string {
  const attrs = [`${ownerCookieName(conversationId)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${60 * 60 * 24 * 365}`];
  if (secure) attrs.push("Secure");
  return attrs.join("; ");
}

/** The token a request presents: `Authorization: Bearer …` first, else the conversation's cookie. */
export function presentedToken(req: Request, conversationId: string): string | null {
  const auth = req.headers.get("authorization");
  const m = auth?.match(/^Bearer\s+(\S+)\s*$/i);
  if (m) return m[1];
  const cookie = req.headers.get("cookie") ?? "";
  const name = ownerCookieName(conversationId);
  for (const part of cookie.split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq) === name) return decodeURIComponent(part.slice(eq + 1));
  }
  return null;
}
