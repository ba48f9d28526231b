import {
  cleanHeading, frontMatterFacts, isImageOrMarkupOnlyLine, splitFrontMatter, stripHtmlComments,
  stripInlineImages,
} from "./card-clean";
import { packSection, splitBlock } from "./pack";
import { CHUNK_MAX_TOKENS, CHUNK_MIN_TOKENS, estimateTokens } from "./tokens";

export { CHUNK_MAX_TOKENS, CHUNK_MIN_TOKENS, CHUNK_OVERLAP_TOKENS, estimateTokens } from "./tokens";

export interface CardChunk {
  ordinal: number;
  /** Heading path of the section, e.g. "bert-base-uncased > Training data"; null before any heading. */
  heading: string | null;
  text: string;
}

interface Section {
  level: number;
  path: string[];
  blocks: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*$/i;
const SETEXT = /^ {0,3}(=+|-{2,})[ \t]*$/;
const NOT_PARAGRAPH = /^\s*(?:[-*+>|]|\d+[.)]\s)/;
const HR = /^\s*([-*_])(?:\s*\1){2,}\s*$/;
const EMPTY_FENCE = /^\s*(`{3,}|~{3,})[^\n]*\n\s*(?:\1\s*)?$/;

const BOILERPLATE: Record<string, RegExp> = {
  en: /^[\s\-*>#_[(]*more information needed[\s.\])*_]*$/i,
  es: /^[\s\-*>#_[(]*(?:more information needed|se necesita más información|más información necesaria)[\s.\])*_]*$/i,
};

/** Parse cleaned markdown into heading-delimited sections of blocks (paragraphs, tables, code). */
function toSections(body: string): Section[] {
  const sections: Section[] = [{ level: 0, path: [], blocks: [] }];
  const stack: { level: number; title: string }[] = [];
  let para: string[] = [];
  let fence: { ch: string; len: number } | null = null;
  const cur = () => sections[sections.length - 1];
  const flush = () => {
    const text = para.join("\n").replace(/^\n+|\s+$/g, "");
    if (text.trim() !== "") cur().blocks.push(text);
    para = [];
  };
  const openSection = (level: number, rawTitle: string) => {
    const title = cleanHeading(rawTitle);
    if (title === "") return;
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    stack.push({ level, title });
    sections.push({ level, path: stack.map((s) => s.title), blocks: [] });
  };

  for (const line of body.split("\n")) {
    if (fence) {
      para.push(line);
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.ch && close[1].length >= fence.len && line.trim() === close[1]) {
        fence = null;
        flush();
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      flush();
      fence = { ch: open[1][0], len: open[1].length };
      para.push(line);
      continue;
    }
    const atx = ATX.exec(line);
    const html = atx ? null : HTML_HEADING.exec(line);
    if (atx || html) {
      flush();
      const level = Number(atx ? atx[1].length : html![1]);
      openSection(level, atx ? (atx[2] ?? "").replace(/\s+#+\s*$/, "") : html![2]);
      continue;
    }
    if (para.length === 1 && SETEXT.test(line) && !NOT_PARAGRAPH.test(para[0])) {
      const title = para[0];
      para = [];
      openSection(line.trim().startsWith("=") ? 1 : 2, title);
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (isImageOrMarkupOnlyLine(line)) continue;
    const kept = stripInlineImages(line).trimEnd();
    if (kept.trim() !== "") para.push(kept);
  }
  flush();
  return sections;
}

/** Heading path "A > B > C"; outer levels are dropped while it is longer than 160 chars. */
function headingOf(path: string[]): string | null {
  let p = path;
  while (p.length > 1 && p.join(" > ").length > 160) p = p.slice(1);
  return p.length ? p.join(" > ").slice(0, 200) : null;
}

function cleanBlocks(blocks: string[], boilerplate: RegExp): string[] {
  return blocks.filter((b) => !boilerplate.test(b) && !HR.test(b) && !EMPTY_FENCE.test(b));
}

const meaningful = (text: string, boilerplate: RegExp) =>
  /[\p{L}\p{N}]{2,}/u.test(text) && !boilerplate.test(text);

/**
 * Split a model card into retrieval chunks (deterministic, pure).
 *
 * 1. YAML front-matter is removed; license/pipeline/library/language/base model/
 *    datasets/tags become one short "facts" line at the top of the first section.
 * 2. HTML comments, badge/image-only lines, layout-only HTML lines, inline images,
 *    horizontal rules and "More information needed" placeholders are dropped.
 * 3. The text is split into sections at ATX, setext and `<hN>` headings (never inside
 *    code fences); each chunk carries its section's heading path.
 * 4. Blocks are packed into chunks of ≤ CHUNK_MAX_TOKENS (tokens ≈ chars/4) with
 *    ~CHUNK_OVERLAP_TOKENS of overlap between consecutive prose chunks of one section;
 *    a section smaller than CHUNK_MIN_TOKENS is appended to the previous chunk when
 *    that stays within CHUNK_MAX_TOKENS (its heading kept inline as a markdown line),
 *    so a card does not shatter into one-liners.
 */
export function chunkCard(text: string, lang: string): CardChunk[] {
  const boilerplate = BOILERPLATE[lang] ?? BOILERPLATE.en;
  const { yaml, body } = splitFrontMatter(text);
  const sections = toSections(stripHtmlComments(body));
  for (const s of sections) s.blocks = cleanBlocks(s.blocks, boilerplate);

  const facts = yaml === null ? null : frontMatterFacts(yaml);
  if (facts) {
    const first = sections.find((s) => s.blocks.length > 0) ?? sections[0];
    first.blocks.unshift(facts);
  }

  const out: { heading: string | null; text: string }[] = [];
  for (const s of sections) {
    if (s.blocks.length === 0) continue;
    const body = s.blocks.join("\n\n");
    const last = out[out.length - 1];
    if (last && estimateTokens(body) < CHUNK_MIN_TOKENS) {
      const title = s.path[s.path.length - 1];
      const inline = title ? `${"#".repeat(Math.max(1, s.level))} ${title}\n\n${body}` : body;
      if (estimateTokens(last.text) + estimateTokens(inline) + 1 <= CHUNK_MAX_TOKENS) {
        last.text = `${last.text}\n\n${inline}`;
        continue;
      }
    }
    const heading = headingOf(s.path);
    for (const text of packSection(s.blocks.flatMap(splitBlock))) out.push({ heading, text });
  }

  return out
    .filter((c) => meaningful(c.text, boilerplate))
    .map((c, ordinal) => ({ ordinal, heading: c.heading, text: c.text }));
}
