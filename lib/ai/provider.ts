import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import type { AppConfig } from "@/lib/config";
import { LlmMonitor, type LlmStatus } from "./llm-monitor";

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
  /** The LLM time budget of one chat turn, shared by all its calls (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Breaker, last outcome and fallback log; the process-wide one in the app. */
  monitor?: LlmMonitor;
}

const g = globalThis as unknown as { __stack8sLlmMonitor?: { key: string; monitor: LlmMonitor } };

/** The process-wide monitor for this configuration (a new one when the settings change). */
function sharedMonitor(c: AppConfig, label: string): LlmMonitor {
  const key = `${label}|${c.OPENAI_BASE_URL ?? ""}|${c.LLM_BREAKER_FAILURES}|${c.LLM_BREAKER_COOLDOWN_MS}`;
  if (g.__stack8sLlmMonitor?.key !== key) {
    g.__stack8sLlmMonitor = { key, monitor: new LlmMonitor({ failureThreshold: c.LLM_BREAKER_FAILURES, cooldownMs: c.LLM_BREAKER_COOLDOWN_MS }, label) };
  }
  return g.__stack8sLlmMonitor.monitor;
}

export function llmEngine(c: AppConfig): LlmEngine | null {
  const model = chatModel(c);
  if (!model) return null;
  const label = `openai:${c.OPENAI_CHAT_MODEL}`;
  return { model, label, timeoutMs: c.LLM_TIMEOUT_MS, monitor: sharedMonitor(c, label) };
}

/** The LLM's last outcome for health, from memory; null with the offline engine. */
export function llmStatus(c: AppConfig): LlmStatus | null {
  if (!c.OPENAI_API_KEY) return null;
  return sharedMonitor(c, `openai:${c.OPENAI_CHAT_MODEL}`).status();
}

/** Tests: forget the process-wide LLM state (breaker, last outcome). */
export function resetLlmMonitorForTests(): void {
  g.__stack8sLlmMonitor = undefined;
}
