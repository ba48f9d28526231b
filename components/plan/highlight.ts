import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import yaml from "highlight.js/lib/languages/yaml";

hljs.registerLanguage("yaml", yaml);
hljs.registerLanguage("bash", bash);

/** Highlighted HTML for a deployment file (highlight.js escapes the text; only its own spans are added). */
export function highlightFile(content: string, mediaType: string): string {
  return hljs.highlight(content, { language: mediaType.includes("yaml") ? "yaml" : "bash", ignoreIllegals: true }).value;
}
