// The offline pipeline end to end (requirements engine → architect tools → plan), no LLM, no
// cluster. Tools are the real lib/tools/* over the database handle, memoized like the server does
// (lib/server/tool-cache.ts). Run through bench/run.ts (`npm run bench -- --only pipeline`).
import { catalogTools } from "@/lib/tools/catalog-tools";
import type { DbHandle } from "@/db/client";
import { getMeta } from "@/db/queries/meta";
import { runPipeline, type PipelineDeps } from "@/lib/agents/pipeline";
import type { ConversationTurn } from "@/lib/agents/requirements/types";
import { ToolCache } from "@/lib/server/tool-cache";
import { ms, stats, table, timed, type BenchOptions, type Stats } from "./lib";

const u = (content: string): ConversationTurn => ({ role: "user", content });

/** Realistic first messages (and two follow-ups), across tasks, modalities, budgets, providers and regions. */
export const PIPELINE_REQUESTS: { label: string; turns: ConversationTurn[] }[] = [
  "I need to deploy Llama 70B for inference",
  "Train object detection model, $3000/mo, 2x24GB GPUs",
  "Help me set up Stable Diffusion XL",
  "Fine-tune language model with MLflow, $2000/mo, AWS",
  "Serve Llama 3.1 8B Instruct on GCP in europe-west4 for a chatbot, about $800 a month",
  "Deploy Mistral 7B for inference with vLLM, budget $500/month, spot is fine",
  "Run Qwen2.5 72B Instruct for inference in the EU, $6000 a month",
  "LoRA fine-tune Llama 3 8B on Azure, $1500/mo",
  "Whisper large v3 transcription service in the US, $400 per month",
  "Embeddings service with bge-large for a RAG app with a vector database, $300/mo",
  "I want to fine-tune Mixtral 8x7B with QLoRA, $4000 a month, no AWS",
  "Inference for DeepSeek R1 distill Qwen 32B, 8 H100s",
  "Jupyter notebooks for a data science team with 4 A100 GPUs",
  "Deploy Gemma 2 9B for inference on Lambda, $1000 a month",
  "Batch image classification with ResNet-50 on CPU-friendly budget, $200/mo, Germany",
  "Train a YOLOv8 model for defect detection, $1200/mo, in Asia",
  "Serve Llama 3.1 405B in fp8 for inference, budget $40k/month",
  "Run Phi-3 mini for inference, cheapest possible, spot ok",
  "Deploy an OCR model for invoices with Ray, $900/month, US only",
  "Fine-tune Stable Diffusion XL with DreamBooth, $1000/mo, RunPod",
  "Vision language model for image captioning, 48GB GPU, $1500 a month",
  "Postgres and monitoring with Prometheus for an LLM chatbot serving Llama 3 8B, $700/mo",
  // Every kind of workload (issue 11): stacks, platforms, team notebooks, CPU serving, non-LLM models.
  "A RAG stack: bge-large embeddings, a qdrant vector database and Llama 3.1 8B Instruct, $1500/mo",
  "I just need the MLflow tracking server and model registry for 20 people",
  "A GPU server running JupyterHub where 5 data scientists can experiment with PyTorch",
  "jupyterhub for 30 students, they can share GPUs",
  "Serve all-MiniLM-L6-v2 on CPU only, about 100 requests per second",
  "cpu only plz - llama 3.2 1b instruct for a tiny internal bot",
  "prometheus and grafana to monitor our kubernetes cluster",
  "an ollama server on a GPU box so the devs can try models",
  "Qdrant with 200 GB of documents to index",
  "deploy our xgboost churn model, ~100 req/s",
  "segment anything (SAM vit-h) for product photos",
  "quiero transcribir audios con whisper small, como servicio",
].map((text) => ({ label: text, turns: [u(text)] }));

PIPELINE_REQUESTS.push(
  {
    label: "(2 turns) I need some GPUs → inference for a 7B chat model, about $500 a month",
    turns: [u("I need some GPUs"), { role: "assistant", content: "questions", clarification: { questions: [
      { id: "workload", question: "What will you run?", options: [] }, { id: "task", question: "Training or inference?", options: [] },
    ] } } as ConversationTurn, u("inference for a 7B chat model, about $500 a month")],
  },
  {
    label: "(2 turns) deploy llama 3.1 on gcp → 70B, around $3k/month",
    turns: [u("deploy llama 3.1 on gcp"), { role: "assistant", content: "questions", clarification: { questions: [
      { id: "model", question: "Which size?", options: [] }, { id: "budget", question: "Budget?", options: [] },
    ] } } as ConversationTurn, u("70B, around $3k/month")],
  },
);

/** The tools as lib/server/agent-deps.ts builds them (without server-only), memoized in `cache`. */
export function benchDeps(h: DbHandle, cache: ToolCache, version: string): PipelineDeps {
  const memo = <T,>(tool: string, input: unknown, fn: () => Promise<T>) => cache.get(version, `${tool}:${JSON.stringify(input)}`, fn);
  // No cluster: a kubeconfig path that does not exist and no in-cluster service account.
  const { tools, resolveModel } = catalogTools(h, { memo, kubeconfigPath: "/nonexistent/kubeconfig", inCluster: false });
  return { tools, resolveModel, llm: null };
}

export interface PipelineReport {
  requests: number;
  plans: number;
  clarifications: number;
  cold: Stats;
  warm: Stats;
  perRequest: { label: string; type: string; cold: Stats; warm: Stats }[];
}

export async function benchPipeline(h: DbHandle, opts: BenchOptions): Promise<PipelineReport> {
  const m = await getMeta<{ loaded_at?: string }>(h.db, "catalog");
  const version = `${h.kind}:${m?.loaded_at ?? "none"}`;
  // Process warm-up (JIT, DB caches), not timed: every request once with a throwaway cache.
  for (let i = 0; i < opts.warmup; i++) {
    for (const r of PIPELINE_REQUESTS) await runPipeline(r.turns, benchDeps(h, new ToolCache(), version));
  }
  const coldRuns = Math.max(3, Math.round(opts.iterations / 4));
  const allCold: number[] = [];
  const allWarm: number[] = [];
  const perRequest: PipelineReport["perRequest"] = [];
  let plans = 0;
  for (const r of PIPELINE_REQUESTS) {
    const cold: number[] = [];
    let cache = new ToolCache();
    let type = "";
    // Cold: the first call for this request (a fresh tool cache, so every tool query hits the database).
    for (let i = 0; i < coldRuns; i++) {
      cache = new ToolCache();
      const t = await timed(() => runPipeline(r.turns, benchDeps(h, cache, version)));
      cold.push(t.ms);
      type = t.value.type;
    }
    // Warm: the same request again (tool results memoized, as on a server that has seen it).
    const warm: number[] = [];
    for (let i = 0; i < opts.iterations; i++) warm.push((await timed(() => runPipeline(r.turns, benchDeps(h, cache, version)))).ms);
    if (type === "plan") plans++;
    allCold.push(...cold);
    allWarm.push(...warm);
    perRequest.push({ label: r.label, type, cold: stats(cold), warm: stats(warm) });
  }
  return {
    requests: PIPELINE_REQUESTS.length,
    plans,
    clarifications: PIPELINE_REQUESTS.length - plans,
    cold: stats(allCold),
    warm: stats(allWarm),
    perRequest,
  };
}

export function formatPipelineReport(kind: string, r: PipelineReport, verbose: boolean): string {
  const out = [
    `### Offline pipeline on ${kind}`,
    "",
    `${r.requests} requests (${r.plans} plans, ${r.clarifications} clarifications).`,
    "",
    table(
      ["pipeline", "calls", "p50 ms", "p95 ms", "mean ms", "max ms"],
      [
        ["cold (fresh tool cache)", r.cold.n, ms(r.cold.p50), ms(r.cold.p95), ms(r.cold.mean), ms(r.cold.max)],
        ["warm (tool cache hit)", r.warm.n, ms(r.warm.p50), ms(r.warm.p95), ms(r.warm.mean), ms(r.warm.max)],
      ],
    ),
  ];
  if (verbose) {
    out.push("", "Per request (p50 ms):", "");
    out.push(table(["request", "result", "cold p50", "cold p95", "warm p50"], r.perRequest.map((p) => [p.label, p.type, ms(p.cold.p50), ms(p.cold.p95), ms(p.warm.p50)])));
  }
  return out.join("\n");
}
