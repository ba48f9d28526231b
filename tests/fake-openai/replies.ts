import { lastUserText, openAiError, type ChatRequestBody, type FakeBehaviour } from "./server";

/** Ready-made behaviours of real servers, for the fake's two stages. */

/** A requirements answer in OpenAI's strict shape: every field present, null when unknown. */
export function strictRequirementsAnswer(spec: Record<string, unknown>): string {
  const full = {
    task: null, modality: null, model: { name: null, hf_id: null, params_b: null }, precision: null,
    gpu: { count: null, memory_gb_per_gpu: null, model: null }, budget_monthly_usd: null, providers: null, regions: null,
    spot_ok: null, tools: null, context_length: null, concurrency: null, fine_tune_method: null, workload: null,
  } as Record<string, unknown>;
  for (const [k, v] of Object.entries(spec)) full[k] = v && typeof v === "object" && !Array.isArray(v) ? { ...(full[k] as object), ...v } : v;
  return JSON.stringify({ spec: full, needs_clarification: false, questions: [], assumptions: ["Assumed bf16 weights."] });
}

export const requirementsReplies = {
  /** Good structured output (what OpenAI returns for a valid strict schema). */
  structured: (spec: Record<string, unknown>): FakeBehaviour => ({ content: strictRequirementsAnswer(spec) }),
  /** A local model that wraps its JSON in a ```json fence with a sentence around it. */
  fenced: (spec: Record<string, unknown>): FakeBehaviour => ({
    content: `Here is the extracted spec:\n\n\`\`\`json\n${JSON.stringify({ spec, needs_clarification: false, questions: [], assumptions: [] }, null, 2)}\n\`\`\`\n`,
  }),
  /** Only some keys, null for the unknown ones (no schema enforced). */
  nulls: (spec: Record<string, unknown>): FakeBehaviour => ({
    content: JSON.stringify({ spec: { ...spec, precision: null, gpu: null, providers: null, regions: [null] }, needs_clarification: null, questions: null, assumptions: null }),
  }),
  /** A server that ignores response_format and answers in prose. */
  prose: (): FakeBehaviour => ({ content: "Sure! It sounds like you want to deploy a large language model for inference. You will need a few GPUs." }),
};

/** The plan data the writer was given (the app sends it as JSON after "Plan data (JSON):"). */
export function planData(body: ChatRequestBody): any {
  const text = lastUserText(body);
  return JSON.parse(text.slice(text.indexOf("{")));
}

/** A summary built only from the data, naming the chosen instance and model. */
export function groundedSummary(d: any): string {
  const top = d.instances[0];
  return `Serve ${d.models[0]} on ${top.provider} ${top.instance_type} (${top.gpus}, ${top.gpu_memory_gb} GB) at $${top.price_per_hour_usd}/h, about $${top.monthly_cost_usd}/month. The workload needs ${d.memory_gb_required} GB of GPU memory.`;
}

export const summaryReplies = {
  grounded: (): FakeBehaviour => (body) => ({ content: groundedSummary(planData(body)) }),
  /** The right names, an invented hourly price. */
  inventedPrice: (): FakeBehaviour => (body) => {
    const d = planData(body);
    return { content: groundedSummary(d).replace(`$${d.instances[0].price_per_hour_usd}/h`, "$2/h") };
  },
  /** The memory figure presented as a monthly price ("18 GB" → "$18/month"). */
  swappedFigure: (): FakeBehaviour => (body) => {
    const d = planData(body);
    return { content: groundedSummary(d).replace(`$${d.instances[0].monthly_cost_usd}/month`, `$${d.memory_gb_required}/month`) };
  },
  refusal: (): FakeBehaviour => ({ content: "I'm sorry, but I can't help with that request." }),
  lorem: (): FakeBehaviour => ({ content: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt." }),
};

/** HTTP failures with OpenAI's bodies, and a hang; for either stage. */
export const failureReplies = {
  rateLimited: (retryAfterS: number): FakeBehaviour => ({
    status: 429,
    headers: { "retry-after": String(retryAfterS) },
    body: openAiError("Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1.", "requests", "rate_limit_exceeded"),
  }),
  /** OpenAI's answer to a model name that does not exist (or that the key may not use). */
  modelNotFound: (): FakeBehaviour => ({
    status: 404,
    body: openAiError("The model `gpt-4o-mini` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"),
  }),
  serverError: (): FakeBehaviour => ({ status: 500, body: openAiError("The server had an error while processing your request. Sorry about that!", "server_error") }),
  hang: (): FakeBehaviour => ({ hang: true }),
};
