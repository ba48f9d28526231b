import type { LanguageModelV3GenerateResult } from "@ai-sdk/provider";

/** Tests: a mock provider answer whose text is `text` (structured output arrives as JSON text). */
export function textResult(text: string): LanguageModelV3GenerateResult {
  return {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 1, text: 1, reasoning: undefined },
    },
    warnings: [],
  };
}
