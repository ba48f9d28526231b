/**
 * "Advice for every kind of workload" (issue 11): realistic requests of five kinds and the
 * behaviour each must show, judged from the plan's shape (lib/schemas/plan.ts), never from exact
 * instance names or prices. The judges are pure: a ChatResponse in, a list of failure reasons out
 * (empty = pass); an empty or missing part is always a failure, never a vacuous pass.
 */
import type { ComponentKind } from "@/lib/schemas/components";
import type { ChatResponse } from "@/lib/schemas/chat";
import { chatResponseSchema } from "@/lib/schemas/chat";
import type { Deployment, DeploymentPlan } from "@/lib/schemas/plan";

export const KINDS = ["stack", "platform", "dev", "cpu", "non_llm"] as const;
export type Kind = (typeof KINDS)[number];
export type CaseKind = Kind | "bad_input";

/** A part the user named: which deployment component it must be, and how to recognise it. */
export interface NamedPart {
  component: ComponentKind;
  /** Matched against `tool ?? engine` (qdrant, mlflow, ollama …). */
  tool?: RegExp;
  /** Matched against `model_id` (an official repo of the family the user named). */
  model?: RegExp;
  /** Matched against `engine` (ollama, tei …). */
  engine?: RegExp;
}

/** A memory figure published (or documented in this repository) for a model, with its source. */
export interface CitedMemory {
  gb: number;
  source: string;
}

export interface CaseExpect {
  /** What the answer must be. "clarification_or_safe_plan": a question, or a plan that invents no LLM and names the unknown thing. */
  outcome?: "plan" | "clarification" | "clarification_or_safe_plan";
  /** Every part the user named (stack, platform, cpu). */
  parts?: NamedPart[];
  /** The monthly budget stated in the request (USD). */
  budget?: number;
  /** The user named a model (then model deployments may carry a model_id). */
  namedModel?: boolean;
  /** No GPU is needed: every node a CPU node with 0 GPUs, every deployment 0 GPUs per replica. */
  noGpu?: boolean;
  /** The user said CPU / no GPU: spec.cpu_only must be true. */
  saysCpu?: boolean;
  /** Development environments: N people, whether each gets a GPU (or a share), whether sharing was asked for. */
  dev?: { users: number; gpu: boolean; sharing?: boolean };
  /** Non-LLM models: the component, model family, engine and a cited memory figure. */
  model?: { component: ComponentKind; id: RegExp | null; engine: RegExp; memory?: CitedMemory };
  /** CPU serving: the request rate stated, to compare with the other case of the same pair. */
  rate?: { pair: string; rps: number };
  /** The answer must mention this (an unknown tool's name). */
  mentions?: string;
}

export interface WorkloadCase {
  kind: CaseKind;
  text: string;
  /** Later turns, sent in order whatever the previous answer was; the last answer is judged. */
  followUps?: string[];
  expect: CaseExpect;
}

// ── Cited memory figures (peak GPU memory for inference, GB) ─────────────────────────────────
/** openai/whisper README, "Available models and languages" table, "Required VRAM" column. */
const WHISPER_README = "openai/whisper README, 'Required VRAM' column";
const WHISPER_LARGE: CitedMemory = { gb: 10, source: `${WHISPER_README}: large ~10 GB` };
const WHISPER_TURBO: CitedMemory = { gb: 6, source: `${WHISPER_README}: turbo ~6 GB` };
const WHISPER_MEDIUM: CitedMemory = { gb: 5, source: `${WHISPER_README}: medium ~5 GB` };
const WHISPER_SMALL: CitedMemory = { gb: 2, source: `${WHISPER_README}: small ~2 GB` };
/** lib/sizing/measured-table.ts: 6.9 GB fp16 weights + activations at 1024² → ~12 GB; third-party SDXL fp16 cards say "12GB+ recommended". */
const SDXL: CitedMemory = { gb: 12, source: "lib/sizing/measured-table.ts (SDXL fp16, 1024², batch 1: ~12 GB); e.g. huggingface.co/wangkanai/sdxl-fp16: 12 GB+ recommended" };
/** Lambda Labs, "All You Need Is One GPU: Inference Benchmark for Stable Diffusion" (2022). */
const SD15: CitedMemory = { gb: 5, source: "Lambda Labs Stable Diffusion inference benchmark (2022): ~5 GB at 512², fp16" };
/** facebookresearch/segment-anything#33: ~7 GB with SamAutomaticMaskGenerator defaults. */
const SAM_H: CitedMemory = { gb: 7, source: "facebookresearch/segment-anything#33: ViT-H ~7 GB with the automatic mask generator defaults" };
/** FLUX.1-schnell discussion #5 (a diffusers maintainer): ~33 GB with every component on the GPU in bf16. */
const FLUX: CitedMemory = { gb: 33, source: "black-forest-labs/FLUX.1-schnell discussion #5: ~33 GB bf16, all components on GPU" };

// ── Recognisers ──────────────────────────────────────────────────────────────────────────────
const LLAMA_8B = /^meta-llama\/(Meta-)?Llama-3\.1-8B-Instruct/i;
const BGE_LARGE = /^BAAI\/bge-large-en(-v1\.5)?$/i;
const MISTRAL_7B = /^mistralai\/Mistral-7B-Instruct/i;
const QDRANT = /qdrant/i;
const MONITORING = /prometheus|grafana/i;
/** Vision and speech run on a PyTorch server / KServe style runtime, never an LLM engine. */
const VISION_ENGINE = /^(pytorch|kserve|triton|torchserve|transformers|faster-whisper|whisper|ultralytics|onnx)/i;
const TEI = /^tei$/i;

export const CASES: WorkloadCase[] = [
  // ── 1. Multi-component stacks ──────────────────────────────────────────────────────────────
  {
    kind: "stack",
    text: "we want a RAG chatbot over our internal docs: bge-large for embeddings, qdrant as the vector db and llama 3.1 8b instruct to answer. budget around $2000/month",
    expect: {
      budget: 2000, namedModel: true,
      parts: [{ component: "embeddings", model: BGE_LARGE }, { component: "vector_db", tool: QDRANT }, { component: "llm", model: LLAMA_8B }],
    },
  },
  {
    kind: "stack",
    text: "chatbot with mistral 7b instruct + postgres w/ pgvector for the conversation memory",
    expect: { namedModel: true, parts: [{ component: "llm", model: MISTRAL_7B }, { component: "vector_db", tool: /pgvector|postgres/i }] },
  },
  {
    kind: "stack",
    text: "Serve Qwen2.5 7B Instruct and add prometheus + grafana monitoring for it",
    expect: { namedModel: true, parts: [{ component: "llm", model: /^Qwen\/Qwen2\.5-7B-Instruct/i }, { component: "monitoring", tool: MONITORING }] },
  },
  {
    kind: "stack",
    text: "Ich brauche eine RAG-Pipeline: Embeddings mit multilingual-e5-large, Milvus als Vektordatenbank und Llama 3.1 70B Instruct als Sprachmodell. Budget 6000 $ im Monat.",
    expect: {
      budget: 6000, namedModel: true,
      parts: [
        { component: "embeddings", model: /^intfloat\/multilingual-e5-large/i },
        { component: "vector_db", tool: /milvus/i },
        { component: "llm", model: /^meta-llama\/(Meta-)?Llama-3\.1-70B-Instruct/i },
      ],
    },
  },
  {
    kind: "stack",
    text: "quiero un asistente con búsqueda semántica: modelo de embeddings nomic-embed-text, base vectorial weaviate y un LLM gemma 2 9b it",
    expect: {
      namedModel: true,
      parts: [
        { component: "embeddings", model: /^nomic-ai\/nomic-embed-text/i },
        { component: "vector_db", tool: /weaviate/i },
        { component: "llm", model: /^google\/gemma-2-9b/i },
      ],
    },
  },
  {
    kind: "stack",
    text: "I need a RAG setup for customer support tickets",
    followUps: ["use bge-base for embeddings, chroma for the vectors and mistral 7b instruct for generation, keep it under 1500 a month"],
    expect: {
      budget: 1500, namedModel: true,
      parts: [{ component: "embeddings", model: /^BAAI\/bge-base-en/i }, { component: "vector_db", tool: /chroma/i }, { component: "llm", model: MISTRAL_7B }],
    },
  },
  {
    kind: "stack",
    text: "search stack only: bge-large embeddings, bge-reranker-large to rerank, qdrant to store. no generation model needed",
    expect: {
      namedModel: true,
      parts: [
        { component: "embeddings", model: BGE_LARGE },
        { component: "reranker", model: /^BAAI\/bge-reranker-large/i },
        { component: "vector_db", tool: QDRANT },
      ],
    },
  },
  {
    kind: "stack",
    text: "deploy llama 3.1 8b instrcut with qdrant for retreival and grafana dashbords to watch it",
    expect: { namedModel: true, parts: [{ component: "llm", model: LLAMA_8B }, { component: "vector_db", tool: QDRANT }, { component: "monitoring", tool: MONITORING }] },
  },
  {
    kind: "stack",
    text: "Je veux déployer un chatbot RAG : embeddings bge-m3, base vectorielle Qdrant, et Mistral Small 24B pour les réponses, budget 3000 dollars par mois",
    expect: {
      budget: 3000, namedModel: true,
      parts: [
        { component: "embeddings", model: /^BAAI\/bge-m3/i },
        { component: "vector_db", tool: QDRANT },
        { component: "llm", model: /^mistralai\/Mistral-Small-(3\.\d-)?24B/i },
      ],
    },
  },
  {
    kind: "stack",
    text: "serve llama 3.1 8b instruct and log all the runs + prompts to an mlflow server",
    expect: { namedModel: true, parts: [{ component: "llm", model: LLAMA_8B }, { component: "tracking", tool: /mlflow/i }] },
  },
  {
    kind: "stack",
    text: "Whisper large-v3 to transcribe meetings, then Llama 3.1 8B Instruct to summarise them, with the summaries stored in pgvector",
    expect: {
      namedModel: true,
      parts: [{ component: "speech", model: /^openai\/whisper-large-v3$/i }, { component: "llm", model: LLAMA_8B }, { component: "vector_db", tool: /pgvector|postgres/i }],
    },
  },
  {
    kind: "stack",
    text: "serve Qwen2.5 14B Instruct for our support chatbot",
    followUps: ["also add a qdrant vector database with bge-small embeddings so it can look things up, and prometheus monitoring"],
    expect: {
      namedModel: true,
      parts: [
        { component: "llm", model: /^Qwen\/Qwen2\.5-14B-Instruct/i },
        { component: "vector_db", tool: QDRANT },
        { component: "embeddings", model: /^BAAI\/bge-small-en/i },
        { component: "monitoring", tool: MONITORING },
      ],
    },
  },

  // ── 2. Platform and tool-only requests ─────────────────────────────────────────────────────
  { kind: "platform", text: "install mlflow for our team of 10 data scientists, tracking server + artifact store", expect: { noGpu: true, parts: [{ component: "tracking", tool: /mlflow/i }] } },
  { kind: "platform", text: "I need a ray cluster with 8 cpu workers for data preprocessing, no gpus", expect: { noGpu: true, parts: [{ component: "distributed", tool: /ray/i }] } },
  { kind: "platform", text: "set up kubeflow pipelines on our cluster so we can orchestrate training workflows", expect: { noGpu: true, parts: [{ component: "pipelines", tool: /kubeflow/i }] } },
  { kind: "platform", text: "qdrant vector db for ~50M vectors (768 dims)", expect: { noGpu: true, parts: [{ component: "vector_db", tool: QDRANT }] } },
  { kind: "platform", text: "prometheus and grafana to monitor our kubernetes cluster", expect: { noGpu: true, parts: [{ component: "monitoring", tool: MONITORING }] } },
  {
    kind: "platform",
    text: "an ollama server on a GPU box so the devs can pull and try models themselves",
    expect: { parts: [{ component: "llm", engine: /ollama/i }] },
  },
  { kind: "platform", text: "Wir brauchen einen MLflow Tracking Server mit Postgres-Backend, keine GPU nötig", expect: { noGpu: true, parts: [{ component: "tracking", tool: /mlflow/i }] } },
  { kind: "platform", text: "necesito instalar milvus como base de datos vectorial, unos 10 millones de vectores", expect: { noGpu: true, parts: [{ component: "vector_db", tool: /milvus/i }] } },
  { kind: "platform", text: "installer un cluster Ray pour du traitement de données distribué, sans GPU", expect: { noGpu: true, parts: [{ component: "distributed", tool: /ray/i }] } },
  { kind: "platform", text: "can u setup weaviate for me, small instance, just testing things out", expect: { noGpu: true, parts: [{ component: "vector_db", tool: /weaviate/i }] } },
  {
    kind: "platform",
    text: "ollama with llama3.1:8b for local chat on our own server",
    expect: { namedModel: true, parts: [{ component: "llm", engine: /ollama/i, model: /llama-?3\.1.*8b/i }] },
  },
  {
    kind: "platform",
    text: "we want experiment tracking",
    followUps: ["mlflow please, around 20 users, CPU is fine"],
    expect: { noGpu: true, parts: [{ component: "tracking", tool: /mlflow/i }] },
  },

  // ── 3. Development environments for N people ───────────────────────────────────────────────
  { kind: "dev", text: "JupyterHub for 10 data scientists, each gets one GPU", expect: { dev: { users: 10, gpu: true } } },
  { kind: "dev", text: "notebook environment for 30 students, they can share GPUs (small models, pytorch tutorials)", expect: { dev: { users: 30, gpu: true, sharing: true } } },
  { kind: "dev", text: "jupyterhub for 8 ML engineers on A100s, one MIG slice each", expect: { dev: { users: 8, gpu: true, sharing: true } } },
  { kind: "dev", text: "JupyterHub für unser Team mit 12 Data Scientists, jeder braucht eine GPU zum Experimentieren", expect: { dev: { users: 12, gpu: true } } },
  { kind: "dev", text: "entorno de notebooks jupyter para 25 alumnos de un curso de deep learning, con GPU compartida", expect: { dev: { users: 25, gpu: true, sharing: true } } },
  { kind: "dev", text: "un JupyterHub pour 6 chercheurs avec chacun un GPU H100", expect: { dev: { users: 6, gpu: true } } },
  { kind: "dev", text: "jupyter hub for 15 ppl on our team w/ gpus, budget 5k/mo", expect: { dev: { users: 15, gpu: true } } },
  { kind: "dev", text: "dev environment with notebooks for 20 people, about half of them online at the same time, 1 GPU each", expect: { dev: { users: 20, gpu: true } } },
  { kind: "dev", text: "JupyterHub for 40 students, CPU only, just pandas and scikit-learn", expect: { noGpu: true, saysCpu: true, dev: { users: 40, gpu: false } } },
  {
    kind: "dev",
    text: "we need notebooks for the research team",
    followUps: ["16 people, each should get a GPU, time-slicing is ok"],
    expect: { dev: { users: 16, gpu: true, sharing: true } },
  },
  { kind: "dev", text: "JupyterHub for 5 people to fine-tune small models, 1 L4 each", expect: { dev: { users: 5, gpu: true } } },
  { kind: "dev", text: "spin up jupyterhub for a 50-person hackathon, gpus shared between participants", expect: { dev: { users: 50, gpu: true, sharing: true } } },

  // ── 4. CPU-only serving and batch jobs ─────────────────────────────────────────────────────
  {
    kind: "cpu",
    text: "serve all-MiniLM-L6-v2 embeddings on CPU only, about 10 requests per second",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "minilm", rps: 10 }, parts: [{ component: "embeddings", model: /^sentence-transformers\/all-MiniLM-L6-v2$/i }] },
  },
  {
    kind: "cpu",
    text: "serve all-MiniLM-L6-v2 embeddings on CPU only, about 200 requests per second",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "minilm", rps: 200 }, parts: [{ component: "embeddings", model: /^sentence-transformers\/all-MiniLM-L6-v2$/i }] },
  },
  {
    kind: "cpu",
    text: "we need to run distilbert-base-uncased-finetuned-sst-2-english for sentiment on cpus, ~10 req/s",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "distilbert", rps: 10 }, parts: [{ component: "other", model: /distilbert-base-uncased-finetuned-sst-2-english$/i }] },
  },
  {
    kind: "cpu",
    text: "sentiment analysis with distilbert-base-uncased-finetuned-sst-2-english on CPU nodes, peak 200 requests/sec",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "distilbert", rps: 200 }, parts: [{ component: "other", model: /distilbert-base-uncased-finetuned-sst-2-english$/i }] },
  },
  {
    kind: "cpu",
    text: "Embeddings mit bge-small-en-v1.5 nur auf CPU, etwa 10 Anfragen pro Sekunde",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "bge-small", rps: 10 }, parts: [{ component: "embeddings", model: /^BAAI\/bge-small-en-v1\.5$/i }] },
  },
  {
    kind: "cpu",
    text: "Embeddings mit bge-small-en-v1.5 nur auf CPU, etwa 200 Anfragen pro Sekunde",
    expect: { saysCpu: true, noGpu: true, namedModel: true, rate: { pair: "bge-small", rps: 200 }, parts: [{ component: "embeddings", model: /^BAAI\/bge-small-en-v1\.5$/i }] },
  },
  {
    kind: "cpu",
    text: "nightly batch job: embed 2 million documents with bge-base on CPUs, no GPU",
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "embeddings", model: /^BAAI\/bge-base-en/i }] },
  },
  {
    kind: "cpu",
    text: "run whisper small transcription as a batch job on cpu only, ~500 hours of audio a month",
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "speech", model: /^openai\/whisper-small/i }] },
  },
  {
    kind: "cpu",
    text: "servir un modelo de clasificación de imágenes resnet-50 solo con CPU, 50 peticiones por segundo",
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "vision", model: /^microsoft\/resnet-50$/i }] },
  },
  {
    kind: "cpu",
    text: "je veux servir phi-3 mini en CPU uniquement (pas de GPU), quelques requêtes par minute",
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "llm", model: /^microsoft\/Phi-3(\.5)?-mini/i }] },
  },
  {
    kind: "cpu",
    text: "cpu only plz — llama 3.2 1b instruct for a tiny internal bot",
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "llm", model: /^meta-llama\/Llama-3\.2-1B-Instruct/i }] },
  },
  {
    kind: "cpu",
    text: "we want to serve sentence embeddings for search",
    followUps: ["all-mpnet-base-v2, on CPU only, roughly 30 requests per second"],
    expect: { saysCpu: true, noGpu: true, namedModel: true, parts: [{ component: "embeddings", model: /^sentence-transformers\/all-mpnet-base-v2$/i }] },
  },

  // ── 5. Non-LLM models ──────────────────────────────────────────────────────────────────────
  { kind: "non_llm", text: "Whisper large-v3 transcription API for our call center recordings", expect: { model: { component: "speech", id: /^openai\/whisper-large/i, engine: VISION_ENGINE, memory: WHISPER_LARGE } } },
  { kind: "non_llm", text: "transcribe podcasts with whisper medium, we get maybe 50 episodes a week", expect: { model: { component: "speech", id: /^openai\/whisper-medium/i, engine: VISION_ENGINE, memory: WHISPER_MEDIUM } } },
  { kind: "non_llm", text: "quiero transcribir audios con whisper small, como servicio en la nube", expect: { model: { component: "speech", id: /^openai\/whisper-small/i, engine: VISION_ENGINE, memory: WHISPER_SMALL } } },
  { kind: "non_llm", text: "stable diffusion xl image generation api for our app", expect: { model: { component: "image_generation", id: /^stabilityai\/stable-diffusion-xl-/i, engine: /^diffusers$/i, memory: SDXL } } },
  { kind: "non_llm", text: "Bildgenerierung mit Stable Diffusion 1.5 für unsere Marketing-Abteilung", expect: { model: { component: "image_generation", id: /stable-diffusion-v1-5$/i, engine: /^diffusers$/i, memory: SD15 } } },
  { kind: "non_llm", text: "object detection with yolov8 on our warehouse camera feeds, ~30 fps", expect: { model: { component: "vision", id: /^ultralytics\//i, engine: VISION_ENGINE } } },
  { kind: "non_llm", text: "segment anything (SAM vit-h) for segmenting product photos", expect: { model: { component: "vision", id: /^facebook\/sam-vit-huge$/i, engine: VISION_ENGINE, memory: SAM_H } } },
  { kind: "non_llm", text: "OCR service for scanned invoices using trocr", expect: { model: { component: "vision", id: /^microsoft\/trocr-/i, engine: VISION_ENGINE } } },
  { kind: "non_llm", text: "un service d'embeddings avec bge-large pour la recherche sémantique", expect: { model: { component: "embeddings", id: BGE_LARGE, engine: TEI } } },
  { kind: "non_llm", text: "reranker for our search results, bge reranker please", expect: { model: { component: "reranker", id: /^BAAI\/bge-reranker-/i, engine: TEI } } },
  {
    kind: "non_llm",
    text: "deploy our xgboost churn prediction model (classical ML, ~100 req/s)",
    expect: { model: { component: "other", id: null, engine: /xgboost|mlserver|sklearn|scikit|kserve|triton|seldon|bentoml/i } },
  },
  {
    kind: "non_llm",
    text: "we need speech to text",
    followUps: ["whisper large v3 turbo, for about 200 hours of audio a day"],
    expect: { model: { component: "speech", id: /^openai\/whisper-large-v3-turbo$/i, engine: VISION_ENGINE, memory: WHISPER_TURBO } },
  },
  { kind: "non_llm", text: "text to image with flux schnell", expect: { model: { component: "image_generation", id: /^black-forest-labs\/FLUX\.1-schnell$/i, engine: /^diffusers$/i, memory: FLUX } } },

  // ── Bad input ──────────────────────────────────────────────────────────────────────────────
  { kind: "bad_input", text: "CPU only on 8 H100s, serve llama 3.1 70b", expect: { outcome: "clarification" } },
  { kind: "bad_input", text: "no GPU but with an A100 please, for whisper large-v3", expect: { outcome: "clarification" } },
  { kind: "bad_input", text: "serve mistral 7b cpu-only, 8x H100 80GB", expect: { outcome: "clarification" } },
  { kind: "bad_input", text: "Nur CPU, aber mit 4 A100 GPUs für Stable Diffusion XL", expect: { outcome: "clarification" } },
  { kind: "bad_input", text: "install zorblaxdb for me", expect: { outcome: "clarification_or_safe_plan", mentions: "zorblaxdb" } },
  { kind: "bad_input", text: "set up quenlifyflow on kubernetes for our team", expect: { outcome: "clarification_or_safe_plan", mentions: "quenlifyflow" } },
];

// ── Judges ───────────────────────────────────────────────────────────────────────────────────

const isPos = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;
const label = (d: Deployment) => `${d.component}${d.tool ? `/${d.tool}` : ""}${d.model_id ? ` (${d.model_id})` : ""}`;
const listDeps = (p: DeploymentPlan) => (p.deployments ?? []).map(label).join(", ") || "none";

/** The plan, or a failure when the answer is not a plan. */
function needPlan(r: ChatResponse, out: string[]): DeploymentPlan | null {
  if (r.type !== "plan" || !r.plan) {
    const q = r.clarification?.questions.map((x) => x.question).join(" | ") ?? "";
    out.push(`expected a plan, got a ${r.type}${q ? `: ${q}` : ""}`);
    return null;
  }
  return r.plan;
}

/** The deployment for a named part, or null. */
export function findPart(plan: DeploymentPlan, part: NamedPart): Deployment | null {
  return (
    (plan.deployments ?? []).find(
      (d) =>
        d.component === part.component &&
        (!part.tool || part.tool.test(d.tool ?? d.engine)) &&
        (!part.engine || part.engine.test(d.engine)) &&
        (!part.model || (d.model_id !== null && part.model.test(d.model_id))),
    ) ?? null
  );
}

const partName = (p: NamedPart) => `${p.component}${p.tool ? ` ${p.tool}` : ""}${p.engine ? ` engine ${p.engine}` : ""}${p.model ? ` model ${p.model}` : ""}`;

/** Resources requested per replica: vCPUs, memory and storage, all finite (vCPUs, memory > 0). */
function judgeSized(d: Deployment, out: string[]) {
  const r = d.resources;
  if (!r) return void out.push(`${label(d)}: not sized (no resources)`);
  if (!isPos(r.vcpus) || !isPos(r.memory_gb) || !(Number.isFinite(r.storage_gb) && r.storage_gb >= 0))
    out.push(`${label(d)}: resources not sized (${JSON.stringify(r)})`);
}

/** Every named part has its deployment, sized, with at least one file deploying it. */
export function judgeParts(plan: DeploymentPlan, parts: NamedPart[], out: string[]) {
  if (!parts.length) out.push("case names no part (test bug)");
  for (const part of parts) {
    const d = findPart(plan, part);
    if (!d) {
      out.push(`named part missing: ${partName(part)} (deployments: ${listDeps(plan)})`);
      continue;
    }
    judgeSized(d, out);
    if (!(plan.artifacts ?? []).some((a) => a.component === d.component)) out.push(`${label(d)}: no deployment file (artifacts[].component)`);
  }
}

/** The stack's cost: a finite number, the sum of its node pools, each pool instance × count. */
export function judgeStackCost(plan: DeploymentPlan, budget: number | undefined, out: string[]) {
  const nodes = plan.nodes ?? [];
  const total = plan.estimated_stack_monthly_cost_usd;
  if (!nodes.length) out.push("no nodes[] in the plan");
  if (typeof total !== "number" || !Number.isFinite(total)) return void out.push(`estimated_stack_monthly_cost_usd is not a finite number (${total})`);
  const sum = nodes.reduce((a, n) => a + n.monthly_cost_usd, 0);
  if (Math.abs(sum - total) > 0.01 * nodes.length + 0.01) out.push(`stack cost ${total} ≠ sum of nodes ${sum.toFixed(2)}`);
  for (const n of nodes)
    if (Math.abs(n.instance.monthly_cost_usd * n.count - n.monthly_cost_usd) > 0.01 + 1e-6 * n.monthly_cost_usd)
      out.push(`node ${n.id}: monthly ${n.monthly_cost_usd} ≠ ${n.instance.monthly_cost_usd} × ${n.count}`);
  if (budget !== undefined && (plan.deployments ?? []).length > 1 && plan.fits_budget !== total <= budget)
    out.push(`fits_budget ${plan.fits_budget} but the stack costs ${total.toFixed(0)} for a budget of ${budget}`);
}

/** No GPU anywhere: nodes all CPU with 0 GPUs, compute options 0 GPUs, deployments 0 GPUs per replica. */
export function judgeNoGpu(plan: DeploymentPlan, out: string[]) {
  const nodes = plan.nodes ?? [];
  if (!nodes.length) out.push("no nodes[] to run on");
  for (const n of nodes) if (n.role !== "cpu" || n.instance.gpu_count !== 0) out.push(`node ${n.id} is ${n.role} with ${n.instance.gpu_count} GPU (${n.instance.instance_type})`);
  const gpuOptions = plan.compute.filter((c) => c.gpu_count !== 0);
  if (gpuOptions.length)
    out.push(`${gpuOptions.length} of ${plan.compute.length} compute options have GPUs (${gpuOptions.slice(0, 3).map((c) => `${c.instance_type}: ${c.gpu_count}`).join(", ")}…)`);
  const deps = plan.deployments ?? [];
  if (!deps.length) out.push("no deployments");
  for (const d of deps) if (d.gpus_per_replica !== 0) out.push(`${label(d)}: ${d.gpus_per_replica} GPU per replica`);
}

const ASSUMED_LLM = /assum\w*[^.]{0,40}\b(general[- ]purpose|chat)?\s*(LLM|language model)\b/i;

/** No model the user did not name: no model_id anywhere, no "assumed an LLM" text. */
export function judgeNoInventedModel(r: ChatResponse, plan: DeploymentPlan, out: string[]) {
  for (const d of plan.deployments ?? []) if (d.model_id !== null) out.push(`invented a model: ${label(d)}`);
  const texts = [r.content, ...(plan.assumptions ?? []), ...plan.sizing.assumptions];
  const hit = texts.find((t) => ASSUMED_LLM.test(t));
  if (hit) out.push(`assumes an LLM nobody asked for: "${ASSUMED_LLM.exec(hit)![0]}"`);
}

/** MIG partitions exist on these data-centre GPUs (NVIDIA MIG user guide, "Supported GPUs"). */
const MIG_GPUS = /A100|A30|H100|H200|H20|B200|GB200|GH200|RTX PRO 6000/i;

/** Concurrent users the plan states in its sizing basis ("50% concurrent", "10 concurrent users"), else all users. */
export function statedConcurrency(basis: string[], users: number): number {
  const text = basis.join(" ");
  const pct = /(\d+(?:\.\d+)?)\s*%[^.;]{0,40}(concurren|simultaneous|active|online|at (the )?same time)/i.exec(text)
    ?? /(concurren\w*|simultaneous\w*|active)[^.;0-9]{0,20}(\d+(?:\.\d+)?)\s*%/i.exec(text);
  if (pct) {
    const v = Number(pct[1].match(/^\d/) ? pct[1] : pct[2]);
    if (v > 0 && v <= 100) return Math.ceil((users * v) / 100 - 1e-9);
  }
  const n = /(\d+)\s+(concurrent|simultaneous|active)\b/i.exec(text);
  if (n && Number(n[1]) > 0 && Number(n[1]) <= users) return Number(n[1]);
  return users;
}

/** A development environment for N people: notebooks with per-user profiles, nodes consistent with N. */
export function judgeDev(r: ChatResponse, plan: DeploymentPlan, e: NonNullable<CaseExpect["dev"]>, namedModel: boolean, out: string[]) {
  const nb = (plan.deployments ?? []).find((d) => d.component === "notebooks");
  if (!nb) return void out.push(`no notebooks deployment (deployments: ${listDeps(plan)})`);
  if (nb.users !== e.users) out.push(`notebooks users ${nb.users} ≠ ${e.users}`);
  const profiles = nb.profiles ?? [];
  if (!profiles.length) return void out.push("no per-user profiles");
  const defaults = profiles.filter((p) => p.default);
  if (defaults.length !== 1) out.push(`${defaults.length} default profiles (want 1)`);
  const prof = defaults[0] ?? profiles[0];
  const values = (plan.artifacts ?? []).filter((a) => a.component === "notebooks").map((a) => a.content).join("\n");
  if (!/profileList/.test(values)) out.push("JupyterHub values have no profileList");
  if (!/cull/i.test(values)) out.push("JupyterHub values have no idle culling (cull)");
  if (!namedModel && (plan.deployments ?? []).some((d) => d.component === "llm")) out.push("sized as LLM inference (an llm deployment nobody asked for)");
  if (!namedModel) judgeNoInventedModel(r, plan, out);

  if (!e.gpu) {
    for (const p of profiles) if (p.gpus !== 0) out.push(`profile ${p.name} gives ${p.gpus} GPU on a CPU-only request`);
    return;
  }
  if (!(prof.gpus > 0)) out.push(`default profile ${prof.name} gives no GPU`);
  for (const p of profiles) {
    if (p.gpus > 0 && p.gpus < 1 && p.gpu_sharing === "none") out.push(`profile ${p.name}: ${p.gpus} GPU without sharing`);
    if (p.gpu_sharing === "mig" && !p.mig_profile) out.push(`profile ${p.name}: MIG without a mig_profile`);
  }
  if (e.sharing && prof.gpu_sharing === "none") out.push("GPU sharing asked for, default profile has gpu_sharing none");

  const node = (plan.nodes ?? []).find((n) => n.role === "gpu" && (n.id === nb.node || n.components.includes("notebooks")));
  if (!node) return void out.push("no GPU node pool for the notebooks");
  if (prof.gpu_sharing === "mig" && !MIG_GPUS.test(node.instance.gpu_model ?? "")) out.push(`MIG on ${node.instance.gpu_model}, which has no MIG`);
  const perNode = node.instance.gpu_count;
  if (!isPos(perNode) || !isPos(prof.gpus)) return void out.push(`cannot size nodes: ${perNode} GPU per node, ${prof.gpus} per user`);
  const concurrent = statedConcurrency(nb.sizing_basis ?? [], e.users);
  const want = Math.max(1, Math.ceil((concurrent * prof.gpus) / perNode - 1e-9));
  if (node.count !== want)
    out.push(`GPU nodes ${node.count} ≠ ceil(${concurrent} concurrent × ${prof.gpus} GPU / ${perNode} per node) = ${want}`);
}

/** A non-LLM model: its family, its engine (never vLLM), its sizing near a cited figure. */
export function judgeModel(plan: DeploymentPlan, e: NonNullable<CaseExpect["model"]>, out: string[]) {
  const d = plan.deployments?.[0];
  if (!d) return void out.push("no deployments");
  if (d.component !== e.component) out.push(`component ${d.component} ≠ ${e.component}`);
  if (e.id === null) {
    if (d.model_id !== null) out.push(`invented a model: ${d.model_id}`);
  } else if (!d.model_id || !e.id.test(d.model_id)) out.push(`model ${d.model_id} is not ${e.id}`);
  if (/vllm/i.test(d.engine)) out.push(`engine ${d.engine} for a non-LLM`);
  else if (!e.engine.test(d.engine)) out.push(`engine ${d.engine} is not ${e.engine}`);
  if ((plan.deployments ?? []).some((x) => x.component === "llm")) out.push("an llm deployment nobody asked for");
  if (e.memory) {
    const got = plan.sizing.memory_gb_required;
    if (!Number.isFinite(got) || Math.abs(got - e.memory.gb) > 0.25 * e.memory.gb)
      out.push(`memory ${got} GB not within ±25% of ${e.memory.gb} GB (${e.memory.source})`);
  }
}

/** vCPUs the plan requests for its deployments: Σ resources.vcpus × replicas (null when not sized). */
export function totalVcpus(r: ChatResponse): number | null {
  const deps = r.plan?.deployments ?? [];
  if (!deps.length || deps.some((d) => !d.resources || !isPos(d.resources.vcpus))) return null;
  return deps.reduce((a, d) => a + d.resources!.vcpus * d.replicas, 0);
}

/** Judge one answer against its case (the rate pairs are judged across cases by judgeRatePairs). */
export function judgeCase(c: WorkloadCase, r: ChatResponse): string[] {
  const out: string[] = [];
  const parsed = chatResponseSchema.safeParse(r);
  if (!parsed.success) out.push(`response does not match the contract: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const e = c.expect;

  if (c.kind === "bad_input") {
    const content = r.content ?? "";
    if (e.outcome === "clarification") {
      if (r.type !== "clarification" || !r.clarification?.questions.length) out.push(`expected a clarifying question, got a ${r.type}`);
    } else if (r.type === "plan") {
      const llm = (r.plan?.deployments ?? []).filter((d) => d.component === "llm" && d.model_id !== null);
      if (llm.length) out.push(`invented an LLM for an unknown tool: ${llm.map(label).join(", ")}`);
    } else if (!r.clarification?.questions.length) out.push("clarification without a question");
    if (e.mentions && !content.toLowerCase().includes(e.mentions.toLowerCase())) out.push(`the answer does not mention "${e.mentions}"`);
    return out;
  }

  const plan = needPlan(r, out);
  if (!plan) return out;
  if (e.saysCpu && r.spec.cpu_only !== true) out.push(`spec.cpu_only is ${r.spec.cpu_only}, the user said CPU only`);
  if (e.noGpu) judgeNoGpu(plan, out);
  if (e.parts) judgeParts(plan, e.parts, out);

  switch (c.kind) {
    case "stack":
      judgeStackCost(plan, e.budget, out);
      break;
    case "platform":
      if (!e.namedModel) judgeNoInventedModel(r, plan, out);
      break;
    case "dev":
      judgeDev(r, plan, e.dev!, !!e.namedModel, out);
      break;
    case "cpu":
      for (const d of plan.deployments ?? []) judgeSized(d, out);
      break;
    case "non_llm":
      judgeModel(plan, e.model!, out);
      break;
  }
  return [...new Set(out)];
}

/**
 * CPU serving sized from the rate: in each pair, the higher rate must request more vCPUs
 * (Σ vcpus × replicas). Returns failures keyed by the index of the higher-rate case.
 */
export function judgeRatePairs(cases: WorkloadCase[], answers: (ChatResponse | null)[]): Map<number, string[]> {
  const byPair = new Map<string, number[]>();
  cases.forEach((c, i) => c.expect.rate && byPair.set(c.expect.rate.pair, [...(byPair.get(c.expect.rate.pair) ?? []), i]));
  const out = new Map<number, string[]>();
  for (const [pair, idx] of byPair) {
    const [lo, hi] = [...idx].sort((a, b) => cases[a].expect.rate!.rps - cases[b].expect.rate!.rps);
    if (idx.length !== 2 || cases[lo].expect.rate!.rps >= cases[hi].expect.rate!.rps) {
      out.set(idx[0], [`rate pair ${pair} is not two different rates (test bug)`]);
      continue;
    }
    const [a, b] = [answers[lo], answers[hi]].map((r) => (r ? totalVcpus(r) : null));
    const msg =
      a === null || b === null
        ? `rate pair ${pair}: no vCPU sizing to compare (${a} at ${cases[lo].expect.rate!.rps} rps, ${b} at ${cases[hi].expect.rate!.rps} rps)`
        : b <= a
          ? `rate pair ${pair}: ${b} vCPUs at ${cases[hi].expect.rate!.rps} rps is not more than ${a} at ${cases[lo].expect.rate!.rps} rps`
          : null;
    if (msg) out.set(hi, [msg]);
  }
  return out;
}
