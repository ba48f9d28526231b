/**
 * Plain text from model-card markdown, for the passages and descriptions shown to users: no tables,
 * code, HTML, images, heading marks or emphasis; links keep their words (a link whose text is its own
 * URL keeps only the host); whitespace collapsed.
 */
export function plainText(markdown: string): string {
  if (typeof markdown !== "string" || !markdown) return "";
  let t = markdown.replace(/\r\n?/g, "\n");
  t = t.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm, " "); // fenced code (even unterminated)
  t = t.replace(/```[\s\S]*?```/g, " ");
  t = t.replace(/<!--[\s\S]*?-->/g, " ");
  t = t.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ");
  t = t.replace(/<\/?[a-z][^>]*>/gi, " ");
  t = t.replace(/^[ \t]*\|.*$/gm, " "); // table rows
  t = t.replace(/^.*\s\|\s.*\|.*$/gm, " "); // table rows written without the leading pipe
  t = t.replace(/^[ \t]*:?-{3,}:?([ \t]*\|[ \t]*:?-{3,}:?)+[ \t]*$/gm, " "); // table separators
  t = t.replace(/!\[[^\]]*\]\([^)]*\)/g, " "); // images
  t = t.replace(/\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g, (_m, text: string, url: string) => linkText(text, url));
  t = t.replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, " "); // reference definitions
  t = t.replace(/`+([^`]*)`+/g, " "); // inline code
  t = t.replace(/`/g, " ");
  t = t.replace(/^[ \t]*#{1,6}[ \t]*/gm, ""); // heading marks
  t = t.replace(/^[ \t]*>[ \t]?/gm, ""); // block quotes
  t = t.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, " "); // horizontal rules
  t = t.replace(/^[ \t]*[-*+][ \t]+/gm, ""); // list bullets
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2").replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2").replace(/(^|\W)_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2");
  t = t.replace(/~~([^~]*)~~/g, "$1");
  t = t.replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  t = t.replace(/\|/g, " ");
  return t.replace(/\s+/g, " ").trim();
}

function linkText(text: string, url: string): string {
  const words = text.trim();
  if (!words) return " ";
  if (/^(https?:\/\/|www\.)/i.test(words) || words === url) {
    const host = /^(?:https?:\/\/)?([^/\s?#]+)/i.exec(words)?.[1];
    return host ? ` ${host.replace(/^www\./i, "")} ` : " ";
  }
  return words;
}
