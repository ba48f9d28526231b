import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import type { AppConfig } from "@/lib/config";

/**
 * The chat model for the LLM engine, or null for the offline engine. Uses the Chat Completions
 * API (`.chat`) so any OpenAI-compatible server (vLLM, Ollama, LiteLLM…) works via OPENAI_BASE_URL.
 */
export function chatModel(c: AppConfig): LanguageModel | null {
  if (!c.OPENAI_API_KEY) return null;
  const openai = createOpenAI({ apiKey: c.OPENAI_API_KEY, ...(c.OPENAI_BASE_URL ? { baseURL: c.OPENAI_BASE_URL } : {}) });
  return openai.chat(c.OPENAI_CHAT_MODEL);
}

export interface LlmEngine {
  model: LanguageModel;
  /** e.g. "openai:gpt-4o-mini", reported in health and plans. */
  label: string;
  timeoutMs: number;
}

export function llmEngine(c: AppConfig): LlmEngine | null {
  const model = chatModel(c);
  return model ? { model, label: `openai:${c.OPENAI_CHAT_MODEL}`, timeoutMs: c.LLM_TIMEOUT_MS } : null;
}
