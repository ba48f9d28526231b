/**
 * The named parts of a workload (WorkloadSpec.components): every model by its role, every tool or
 * platform, and parts named in words only ("a vector database", "monitoring", "experiment
 * tracking"). Several models of DIFFERENT kinds are parts of one stack (bge-large embeddings +
 * Llama 3 8B); several of the same kind are alternatives (Llama 3 or Mistral 7B) and only the
 * primary one is a part. Serving engines (vLLM, TGI …) are how a model runs, not parts.
 */
import type { WorkloadComponent } from "@/lib/schemas/workload-spec";
import type { ComponentKind } from "@/lib/schemas/components";
import type { Modality } from "../types";
import { utterance, type Said } from "./utterance";
import type { ModelMention } from "./models";

/** Tool id → the component it is. Tools absent here (vllm, tgi, …) are engines, not parts. */
export const TOOL_COMPONENT: Record<string, ComponentKind> = {
  qdrant: "vector_db", milvus: "vector_db", weaviate: "vector_db", chroma: "vector_db", pgvector: "vector_db",
  elasticsearch: "vector_db", opensearch: "vector_db",
  mlflow: "tracking", clearml: "tracking", wandb: "tracking",
  ray: "distributed", dask: "distributed", spark: "distributed", slurm: "distributed",
  jupyterhub: "notebooks",
  prometheus: "monitoring", grafana: "monitoring", loki: "monitoring", langfuse: "monitoring",
  kubeflow: "pipelines", airflow: "pipelines", argo: "pipelines", n8n: "pipelines", flowise: "pipelines", dify: "pipelines", langflow: "pipelines",
  ollama: "llm",
  "open-webui": "other", postgres: "other", redis: "other", minio: "other", "label-studio": "other", kafka: "other", mongodb: "other", feast: "other",
  dvc: "other", tensorboard: "monitoring", kueue: "other", volcano: "other", argocd: "other", keda: "other", knative: "other", nginx: "other", traefik: "other",
};

/** The role of a text-to-speech part (a speech part that speaks rather than transcribes). */
export const TTS_ROLE = "text to speech";
const TTS_MODEL = /tts|xtts|bark|kokoro|parler|speecht5/i;

/** Parts named in words, without a product. */
const GENERIC_PARTS: { kind: ComponentKind; role: string; re: RegExp }[] = [
  { kind: "vector_db", role: "stores and searches the embeddings", re: /\bvector\s*(?:databases?|dbs?|stores?|index(?:es)?|search\s+engine)\b|\bvectordb\b/ },
  { kind: "embeddings", role: "embeds documents and queries", re: /\bembedd?ings?\s+(?:model|service|server|endpoint|api)s?\b|\bembedd?ing\s+model\b|\b(?:with|plus|and|\+)\s+(?:an?\s+)?embedd?ings?\b|\bembedd?ings?\s*(?:,|\+|and\b)/ },
  { kind: "reranker", role: "re-ranks retrieved passages", re: /\bre-?rank(?:er|ers|ing)\b/ },
  { kind: "speech", role: TTS_ROLE, re: /\btts\b|\btext[\s-]to[\s-]speech\b|\bvoice\s+(?:synthesis|generation)\b|\bspeech\s+synthesis\b/ },
  { kind: "monitoring", role: "metrics and dashboards", re: /\b(?:monitoring|observability|metrics\s+(?:and\s+)?dashboards?|dashboards?\s+(?:for\s+)?(?:gpu|metrics)|alerting)\b/ },
  { kind: "tracking", role: "experiment tracking and model registry", re: /\b(?:experiment[\s-]tracking|tracking\s+server|model\s+registry|experiment\s+management)\b/ },
  { kind: "notebooks", role: "notebooks for the team", re: /\b(?:jupyter|notebooks?)\b/ },
  { kind: "distributed", role: "distributed jobs", re: /\b(?:ray\s+cluster|distributed\s+(?:cluster|computing|processing|jobs?))\b/ },
  { kind: "pipelines", role: "ML pipelines and orchestration", re: /\b(?:ml\s+pipelines?|workflow\s+orchestrat(?:ion|or)|pipeline\s+orchestrat(?:ion|or))\b/ },
];

/** The component kind a model of this modality is (serving; training is decided later). */
export function modelComponentKind(modality: Modality | undefined, name = ""): ComponentKind {
  switch (modality) {
    case "embedding":
      // An encoder used to classify (sentiment, intent, NER) is a classifier, not an embeddings service.
      if (/text classification|sentiment|finetuned-sst|intent|\bner\b/i.test(name)) return "other";
      return /rerank/i.test(name) ? "reranker" : "embeddings";
    case "image_generation":
      return "image_generation";
    case "speech":
      return "speech";
    case "vision":
      return "vision";
    case "llm":
    case "multimodal":
    case undefined:
      return "llm";
    default:
      return "other";
  }
}

const negated = (t: string, index: number) => /\b(?:no|not|without|don'?t\s+need|skip|except|ohne|sin|sans)\s+(?:an?\s+|any\s+|the\s+)?(?:\w+\s+)?$/.test(t.slice(Math.max(0, index - 24), index));

export interface ComponentsInput {
  text: Said;
  /** Every model mention in the text (extractModels), in text order. */
  mentions: ModelMention[];
  /** The primary model's modality as decided for the spec. */
  primaryModality?: Modality;
  tools: string[];
  /** The workload label (extractWorkload), e.g. "RAG". */
  workload?: string;
}

/**
 * The parts a text names. The primary model (when named) is first; models of another kind follow
 * as parts; tools and worded parts after, in text order. A RAG workload implies its retrieval
 * parts (embeddings and a vector database) when they are not named.
 */
export function extractComponents(input: ComponentsInput): { components: WorkloadComponent[]; implied: string[] } {
  const u = utterance(input.text);
  const t = u.lower;
  const out: { c: WorkloadComponent; at: number }[] = [];
  const implied: string[] = [];
  const named = input.mentions.filter((m) => !m.closed && (m.family || m.hf_id));
  const seenKinds = new Map<ComponentKind, number>();
  for (const m of named) {
    const kind = modelComponentKind(m.modality, `${m.name ?? ""} ${m.hf_id ?? ""} ${u.text.slice(m.start, m.end + 12)} ${input.workload ?? ""}`);
    // Same kind twice = alternatives ("Llama 3 8B or Mistral 7B"): the first is the part.
    if (seenKinds.has(kind)) continue;
    seenKinds.set(kind, out.length);
    const model = Object.fromEntries(Object.entries({ name: m.name, hf_id: m.hf_id, params_b: m.params_b }).filter(([, v]) => v !== undefined));
    out.push({ c: { kind, model }, at: m.start });
  }
  // pgvector is PostgreSQL with the vector extension: one part, not two.
  const tools = input.tools.includes("pgvector") ? input.tools.filter((t) => t !== "postgres") : input.tools;
  for (const tool of tools) {
    const kind = TOOL_COMPONENT[tool];
    if (!kind) continue;
    const at = t.indexOf(tool.split(/[-.]/)[0]);
    if (kind === "llm") {
      // Ollama runs the LLM named (or none yet): it is that part's engine, not another LLM.
      const llm = out.find((x) => x.c.kind === "llm");
      if (llm) llm.c.tool = tool;
      else out.push({ c: { kind, tool }, at: at < 0 ? 1e6 : at });
      continue;
    }
    if (out.some((x) => x.c.kind === kind && x.c.tool === tool)) continue;
    // A worded part of the same kind already found is this tool ("a vector DB, Qdrant").
    const worded = out.find((x) => x.c.kind === kind && !x.c.tool && !x.c.model);
    if (worded) worded.c.tool = tool;
    else out.push({ c: { kind, tool }, at: at < 0 ? 1e6 : at });
  }
  for (const g of GENERIC_PARTS) {
    const m = g.re.exec(t);
    if (!m || negated(t, m.index)) continue;
    // A voice assistant has two speech parts: the one that transcribes (Whisper) and the one that speaks (TTS).
    const same = g.role === TTS_ROLE
      ? out.some((x) => x.c.role === TTS_ROLE || (x.c.kind === "speech" && TTS_MODEL.test(`${x.c.model?.name ?? ""} ${x.c.model?.hf_id ?? ""}`)))
      : out.some((x) => x.c.kind === g.kind);
    if (same) continue;
    // A TTS request with no other part is the workload itself (its model is the primary), not a second part.
    if (g.role === TTS_ROLE && out.length === 0) continue;
    // "embeddings" alone is the workload itself when nothing else is named (no second part).
    if ((g.kind === "embeddings" || g.kind === "reranker") && out.length === 0 && !input.tools.length && !GENERIC_PARTS.some((o) => o.kind === "vector_db" && o.re.test(t))) continue;
    out.push({ c: { kind: g.kind, role: g.role }, at: m.index });
  }
  if (input.workload === "RAG") {
    const hasLlm = out.some((x) => x.c.kind === "llm") || input.primaryModality === "llm" || !input.primaryModality;
    if (hasLlm && !out.some((x) => x.c.kind === "embeddings")) {
      out.push({ c: { kind: "embeddings", role: "embeds documents and queries" }, at: 1e6 });
      implied.push("embeddings");
    }
    if (!out.some((x) => x.c.kind === "vector_db")) {
      out.push({ c: { kind: "vector_db", role: "stores and searches the embeddings" }, at: 1e6 + 1 });
      implied.push("vector_db");
    }
  }
  // Primary first: the model part of the primary modality, else the first model part, else text order.
  const ordered = out.sort((a, b) => a.at - b.at).map((x) => x.c);
  const primaryKind = input.primaryModality ? modelComponentKind(input.primaryModality) : null;
  const i = ordered.findIndex((c) => c.kind === primaryKind && c.model) >= 0
    ? ordered.findIndex((c) => c.kind === primaryKind && c.model)
    : ordered.findIndex((c) => c.kind === "llm");
  if (i > 0) ordered.unshift(...ordered.splice(i, 1));
  return { components: ordered, implied };
}
