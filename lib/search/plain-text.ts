/** Link text with at most one level of nested brackets ("[FLUX.1 [dev] License]"), captured. */
const LINK_TEXT = String.raw`\[((?:[^\[\]]|\[[^\[\]]*\])*)\]`;
/** A link target: URL (one level of parentheses, optional <>), optional title, stray spaces; the URL captured. */
const LINK_TARGET = String.raw`\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)`;

const IMAGE = new RegExp(String.raw`!${LINK_TEXT}(?:${LINK_TARGET}|\[[^\]]*\])`, "g"); // inline and reference-style images
const LINK = new RegExp(LINK_TEXT + LINK_TARGET, "g");

/**
 * Plain text from model-card (and chart) markdown, for the passages and descriptions shown to users:
 * no tables, code blocks, HTML, images, heading marks, emphasis, alert markers or link syntax. Links
 * keep their words; a link whose text is its own URL ("[https://x](https://x)") keeps the URL once;
 * an inline code span keeps a lone name (`bge-large-en-v1.5`) and loses anything longer (a command).
 * Prose keeps its words, numbers and punctuation; whitespace is collapsed.
 */
export function plainText(markdown: string): string {
  if (typeof markdown !== "string" || !markdown) return "";
  let t = markdown.replace(/\r\n?/g, "\n").replace(/&(?:nbsp|ensp|emsp|thinsp|#160|#xa0);/gi, " ");
  t = t.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm, " "); // fenced code (even unterminated)
  t = t.replace(/```[\s\S]*?```/g, " ");
  t = t.replace(/^[ \t]*(```|~~~).*$/gm, " "); // a lone fence left by a passage cut mid-block
  t = t.replace(/<!--[\s\S]*?(?:-->|(?![\s\S]))/g, " ");
  t = t.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ");
  t = t.replace(/<((?:https?|ftp):\/\/[^>\s]+)>/gi, " $1 "); // autolinks keep their URL
  t = t.replace(/<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/gi, " ");
  t = t.replace(/<[a-z][a-z0-9-]*\s+[a-z-]+(?:=|\s*$)[^<>]*$/i, " "); // a tag cut off at the end of a passage ("<img src=…")
  t = t.replace(/^[ \t]*\|.*$/gm, " "); // table rows
  t = t.replace(/^.*\s\|\s.*\|.*$/gm, " "); // table rows written without the leading pipe
  t = t.replace(/^[ \t]*:?-{3,}:?([ \t]*\|[ \t]*:?-{3,}:?)+[ \t]*$/gm, " "); // table separators
  t = t.replace(IMAGE, " ");
  t = t.replace(/\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*/gi, (_m, kind: string) => `${kind[0]}${kind.slice(1).toLowerCase()}: `);
  t = t.replace(/\[\^[^\]]*\]:?/g, " "); // footnote marks
  t = t.replace(LINK, (_m, text: string, url: string) => linkText(text, url));
  t = t.replace(/!?\[([^[\]]*)\]\(\s*(?:https?:\/\/|www\.|\.{0,2}\/)[^\s)]*\)?/gi, (m, text: string) => (m[0] === "!" ? " " : linkText(text, ""))); // a link cut short
  t = t.replace(/!\[[^\]]*$/, " "); // an image cut off at the end of a passage
  t = t.replace(/\]+\(\s*(?:https?:\/\/|www\.)[^\s)]*\s*\)/gi, " "); // the target of a malformed link ("[KernelBook]](https://…)")
  t = t.replace(/^[ \t]*\[[^\]]+\]:[ \t]*\S+.*$/gm, " "); // reference definitions
  t = t.replace(/\[([^\]]*)\]\[[^\]]*\]/g, (_m, text: string) => linkText(text, "")); // reference-style links
  t = t.replace(/\[\s*((?:https?:\/\/|www\.)[^\]\s]+)\s*\]/gi, " $1 "); // a bracketed bare URL
  t = t.replace(/^([ \t]*(?:[-*+]|\d+[.)])[ \t]+)\[[ xX]\][ \t]+/gm, "$1"); // task-list boxes
  t = t.replace(/(`+)([^`]*?)\1/g, (_m, _f: string, code: string) => codeSpan(code));
  t = t.replace(/`/g, " ");
  t = t.replace(/^[ \t]*#{1,6}[ \t]+(.*?)[ \t]+#+[ \t]*$/gm, "$1"); // closing heading marks
  t = t.replace(/^[ \t]*#{1,6}(?=[ \t]|$)[ \t]*/gm, ""); // heading marks
  t = t.replace(/(^|\s)#{2,6}[ \t]+/g, "$1"); // heading marks inlined after a list number or a <br>
  t = t.replace(/^[ \t]*(?:>[ \t]?)+/gm, ""); // block quotes (nested too)
  t = t.replace(/(^|\s)>(?=[ \t]+(?:Note|Tip|Important|Warning|Caution):)/g, "$1"); // a quote mark before a flattened alert
  t = t.replace(/([.!?:])[ \t]+>[ \t]+(?=[A-Z])/g, "$1 "); // quote marks of a quote flattened onto one line
  t = t.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, " "); // horizontal rules
  t = t.replace(/^[ \t]*={3,}[ \t]*$/gm, " "); // setext heading underlines
  t = t.replace(/[=\-]{4,}|(?:={2,}\(\(|\)\)={2,})/g, " "); // banner and divider runs ("=====", "----", "==((==))==")
  t = t.replace(/^[ \t]*[-*+][ \t]+/gm, ""); // list bullets
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2").replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2").replace(/(^|\W)_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2");
  t = t.replace(/~~([^~]*)~~/g, "$1");
  t = t.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, "$1"); // markdown escapes
  t = t.replace(/\*{2,}/g, ""); // unpaired bold marks (a passage cut inside **bold**)
  t = decodeEntities(t);
  t = t.replace(/\|/g, " ");
  return t.replace(/\s+/g, " ").replace(/\s+([,.;:!?])(?=\s|$)/g, "$1").trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ", ensp: " ", emsp: " ", thinsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ndash: "–", mdash: "—",
  hellip: "…", copy: "©", reg: "®", trade: "™", dagger: "†", ge: "≥", le: "≤", times: "×", middot: "·", bull: "•", deg: "°",
  ast: "*", plusmn: "±", micro: "µ", rarr: "→", larr: "←", laquo: "«", raquo: "»", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
};

function decodeEntities(t: string): string {
  return t.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] !== "#") return NAMED_ENTITIES[e.toLowerCase()] ?? " "; // an entity not in the table is markup, not words
    const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isInteger(code) && code > 31 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : " ";
  });
}

/** An inline code span: a lone name or version stays as a word, anything else (a command, a call) goes. */
function codeSpan(code: string): string {
  const c = code.trim();
  return c.length > 0 && c.length <= 60 && /^[\w][\w.\-/:@+]*$/.test(c) && !/[=()]/.test(c) ? ` ${c} ` : " ";
}

function linkText(text: string, url: string): string {
  const words = text.trim();
  if (!words) return " ";
  // A link shown as its own URL: the URL once, not "[https://x](https://x)".
  if (/^(https?:\/\/|www\.)/i.test(words) || words === url) return ` ${words} `;
  return words;
}
