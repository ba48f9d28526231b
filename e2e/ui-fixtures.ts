/** Realistic backend payloads for the UI tests (the browser's view of /api/chat/stream, /api/v1/chat/{id}, /api/health). */
import type { Page, Route } from "@playwright/test";
import type { ChatResponse, Conversation } from "../lib/schemas/chat";
import type { DeploymentPlan } from "../lib/schemas/plan";

export const CONV_ID = "3f0c2a8e-5b1d-4c47-9a4e-2d7f1b6c9e01";
export const MSG_ID = "8d2b7c1a-4e3f-4a5b-9c6d-7e8f9a0b1c2d";
export const CLAR_CONV_ID = "6a1e4c2b-9d7f-4b3a-8e5c-1f2a3b4c5d6e";

export const plan: DeploymentPlan = {
  summary:
    "Serve Llama 3.1 70B Instruct in bf16 with vLLM, tensor-parallel across 4 GPUs. The cheapest fit is Lambda's 4× RTX A6000 at about $2,336/month, within your $5,000 budget.",
  sizing: {
    memory_gb_required: 164.2,
    breakdown: { weights: 141.1, kv_cache: 10.7, activations: 4.4, overhead: 8.0 },
    formula:
      "weights = 70.6e9 params × 2 B (bf16) = 141.1 GB\nkv_cache = 2 × 80 layers × 8 kv_heads × 128 dim × 2 B × 8192 ctx × 4 seqs = 10.7 GB\ntotal = weights + kv_cache + activations + overhead = 164.2 GB",
    assumptions: [
      "bf16 weights (2 bytes per parameter)",
      "8,192-token context, 4 concurrent sequences",
      "~1 GB CUDA/runtime overhead per GPU plus 10% fragmentation headroom",
    ],
    source: "formula",
    gpu_fit: [
      { gpu_memory_gb: 24, gpus_needed: 8, note: "tensor parallel over 8 GPUs" },
      { gpu_memory_gb: 48, gpus_needed: 4 },
      { gpu_memory_gb: 80, gpus_needed: 4, note: "3 would fit; TP needs a power of two" },
      { gpu_memory_gb: 141, gpus_needed: 2 },
    ],
  },
  compute: [
    {
      provider: "lambda", instance_type: "gpu_4x_a6000", region: "us-south-1", gpu_model: "RTX A6000", gpu_count: 4,
      gpu_memory_gb: 192, vcpus: 56, memory_gb: 400, price_per_hour_usd: 3.2, spot_price_per_hour_usd: null,
      monthly_cost_usd: 2336, regions_available: 3,
    },
    {
      provider: "aws", instance_type: "g6e.12xlarge", region: "us-east-1", gpu_model: "L40S", gpu_count: 4,
      gpu_memory_gb: 192, vcpus: 48, memory_gb: 384, price_per_hour_usd: 10.49, spot_price_per_hour_usd: 4.12,
      monthly_cost_usd: 7657.7, regions_available: 5,
    },
    {
      provider: "azure", instance_type: "Standard_NC96ads_A100_v4", region: "eastus", gpu_model: "A100", gpu_count: 4,
      gpu_memory_gb: 320, vcpus: 96, memory_gb: 880, price_per_hour_usd: 14.69, spot_price_per_hour_usd: 5.876,
      monthly_cost_usd: 10723.7,
    },
    {
      provider: "gcp", instance_type: "a2-ultragpu-4g", region: "us-central1", gpu_model: "A100", gpu_count: 4,
      gpu_memory_gb: 320, vcpus: 48, memory_gb: 680, price_per_hour_usd: 20.1, spot_price_per_hour_usd: 6.03,
      monthly_cost_usd: 14673,
    },
    {
      provider: "aws", instance_type: "p4de.24xlarge", region: "us-east-1", gpu_model: "A100", gpu_count: 8,
      gpu_memory_gb: 640, vcpus: 96, memory_gb: 1152, price_per_hour_usd: 40.97, spot_price_per_hour_usd: 16.39,
      monthly_cost_usd: 29908.1,
    },
  ],
  models: [
    {
      id: "meta-llama/Llama-3.1-70B-Instruct", pipeline_tag: "text-generation", params_b: 70.6, license: "llama3.1",
      downloads: 5_214_331, likes: 851, relevance: 0.97, popularity: 0.88, score: 0.93,
      url: "https://huggingface.co/meta-llama/Llama-3.1-70B-Instruct", gated: true,
    },
    {
      id: "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4", pipeline_tag: "text-generation", params_b: 70.6,
      license: "llama3.1", downloads: 221_904, likes: 102, relevance: 0.9, popularity: 0.51, score: 0.74,
      url: "https://huggingface.co/hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4",
    },
    {
      id: "NousResearch/Hermes-3-Llama-3.1-70B", pipeline_tag: "text-generation", params_b: 70.6, license: "llama3",
      downloads: 48_120, likes: 240, relevance: 0.81, popularity: 0.42, score: 0.65,
      url: "https://huggingface.co/NousResearch/Hermes-3-Llama-3.1-70B",
    },
  ],
  packages: [
    {
      repository: "vllm", name: "vllm-stack", version: "0.1.7", app_version: "v0.9.1", official: true, stars: 1820, score: 0.95,
      description: "The vLLM production stack: model-serving engines, a router and observability for serving LLMs on Kubernetes.",
      install_command: "helm repo add vllm https://vllm-project.github.io/production-stack && helm install vllm vllm/vllm-stack --version 0.1.7",
    },
    {
      repository: "nvidia", name: "gpu-operator", version: "v25.3.0", app_version: "v25.3.0", official: true, stars: 2100, score: 0.9,
      description: "NVIDIA GPU Operator creates, configures and manages GPUs in Kubernetes.",
      install_command: "helm repo add nvidia https://helm.ngc.nvidia.com/nvidia && helm install gpu-operator nvidia/gpu-operator --version v25.3.0 -n gpu-operator --create-namespace",
    },
    {
      repository: "open-webui", name: "open-webui", version: "6.22.0", app_version: "0.6.15", official: true, stars: 410, score: 0.71,
      description: "Open WebUI: a self-hosted chat interface for OpenAI-compatible model servers.",
      install_command: "helm repo add open-webui https://helm.openwebui.com && helm install open-webui open-webui/open-webui --version 6.22.0",
    },
    {
      repository: "prometheus-community", name: "kube-prometheus-stack", version: "75.6.1", app_version: "v0.83.0", official: false, stars: 5600, score: 0.62,
      description: "Prometheus, Grafana and alerting rules to monitor the cluster and GPU metrics.",
      install_command: "helm repo add prometheus-community https://prometheus-community.github.io/helm-charts && helm install kube-prometheus-stack prometheus-community/kube-prometheus-stack --version 75.6.1",
    },
    {
      repository: "kuberay", name: "kuberay-operator", version: "1.3.2", app_version: null, official: true, stars: 1300, score: 0.55,
      description: "KubeRay operator to run Ray clusters (Ray Serve) on Kubernetes.",
      install_command: "helm repo add kuberay https://ray-project.github.io/kuberay-helm && helm install kuberay-operator kuberay/kuberay-operator --version 1.3.2",
    },
    {
      repository: "bitnami", name: "redis", version: "21.2.5", app_version: "8.0.2", official: false, stars: 9100, score: 0.3,
      description: "Redis for prompt/result caching in front of the model server.",
      install_command: "helm install redis oci://registry-1.docker.io/bitnamicharts/redis --version 21.2.5",
    },
  ],
  local_cluster: { connected: false, message: "No kubeconfig found; the plan targets a new cloud cluster." },
  estimated_monthly_cost_usd: 2336,
  fits_budget: true,
  steps: [
    "Create a Kubernetes cluster with one `gpu_4x_a6000` node on Lambda (us-south-1).",
    "Install the NVIDIA GPU Operator: `helm install gpu-operator nvidia/gpu-operator -n gpu-operator --create-namespace`.",
    "Accept the Llama 3.1 license on Hugging Face, then `kubectl create secret generic hf-token --from-literal=token=$HF_TOKEN`.",
    "Install the **vLLM stack** with `--tensor-parallel-size 4 --max-model-len 8192` for `meta-llama/Llama-3.1-70B-Instruct`.",
    "Check it serves: `kubectl port-forward svc/vllm-router 8000:80` and `curl localhost:8000/v1/models`.",
  ],
  warnings: [
    "`meta-llama/Llama-3.1-70B-Instruct` is gated: accept its license on Hugging Face before the first download.",
    "RTX A6000 GPUs on this instance are linked over PCIe, so tensor-parallel throughput is lower than on A100/H100 SXM.",
  ],
  warning_details: [
    { severity: "info", code: "gated_model", message: "`meta-llama/Llama-3.1-70B-Instruct` is gated: accept its license on Hugging Face before the first download.", component: "llm" },
    { severity: "info", code: "interconnect", message: "RTX A6000 GPUs on this instance are linked over PCIe, so tensor-parallel throughput is lower than on A100/H100 SXM." },
  ],
  engine: "offline",
};

export const planContent =
  "Llama 3.1 70B in **bf16** needs about **164 GB** of GPU memory. The cheapest instance that fits is **4× RTX A6000 on Lambda** at **$3.20/hr (~$2,336/month)**, within your $5,000 budget.\n\nServe it with **vLLM**, tensor-parallel across the 4 GPUs.";

export const planSpec: ChatResponse["spec"] = {
  task: "inference", modality: "llm",
  model: { name: "Llama 3.1 70B Instruct", hf_id: "meta-llama/Llama-3.1-70B-Instruct", params_b: 70.6 },
  precision: "bf16", budget_monthly_usd: 5000, context_length: 8192, concurrency: 4,
};

export const planResponse: ChatResponse = {
  conversation_id: CONV_ID, message_id: MSG_ID, type: "plan", content: planContent, spec: planSpec, clarification: null, plan, engine: "offline",
};

export const clarificationTwo: ChatResponse = {
  conversation_id: CLAR_CONV_ID, message_id: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", type: "clarification",
  content: "Happy to help. Two quick questions so I can size this properly:",
  spec: {},
  clarification: {
    questions: [
      { id: "task", question: "What will the GPUs run?", options: ["inference", "training", "fine-tuning", "notebooks / development"] },
      { id: "budget", question: "What is your monthly budget?", options: ["$500/month", "$2,000/month", "$10,000/month", "no fixed budget"] },
    ],
  },
  plan: null,
};

export const clarificationOne: ChatResponse = {
  ...clarificationTwo,
  content: "Which model size do you have in mind?",
  clarification: { questions: [{ id: "model", question: "Which model?", options: ["Llama 3.1 8B", "Llama 3.1 70B", "Mixtral 8x7B"] }] },
};

export function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The SSE body of a streamed answer: conversation (optional), progress, prose deltas, result. */
export function streamBody(result: ChatResponse, opts: { newConversation?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.newConversation) parts.push(sse("conversation", { conversation_id: result.conversation_id, share_url: `/c/${result.conversation_id}` }));
  parts.push(": keep-alive\n\n");
  parts.push(sse("status", { step: "requirements", message: "Understanding request…" }));
  if (result.type === "plan") {
    parts.push(sse("status", { step: "local_check", message: "Checking local cluster…" }));
    parts.push(sse("status", { step: "compute_search", message: "Searching 20,431 instances…" }));
    parts.push(sse("status", { step: "hf_search", message: "Searching 1,200 Hugging Face models…" }));
    parts.push(sse("status", { step: "k8s_search", message: "Searching Helm charts…" }));
  }
  parts.push(sse("status", { step: "writing", message: "Writing the answer…" }));
  const content = result.content;
  const cut = Math.floor(content.length / 3);
  for (const piece of [content.slice(0, cut), content.slice(cut, 2 * cut), content.slice(2 * cut)]) parts.push(sse("delta", { text: piece }));
  parts.push(sse("result", result));
  return parts.join("");
}

export const healthOk = {
  status: "ok", database: "pglite", llm: "offline", embeddings: "none",
  catalog: { instances: 20431, providers: 13, packages: 1532, models: 1204, card_chunks: 8812, state: "ready" },
  seeding: false,
};

export const healthSeeding = {
  ...healthOk, status: "degraded",
  catalog: { instances: 0, providers: 0, packages: 0, models: 0, card_chunks: 0, state: "seeding", progress: "2/5" },
  seeding: true,
};

export function conversation(isOwner: boolean): Conversation {
  return {
    conversation_id: CONV_ID, title: "Deploy Llama 3.1 70B for inference", created_at: "2026-11-23T10:00:00.000Z",
    updated_at: "2026-11-23T10:00:05.000Z", is_owner: isOwner,
    messages: [
      { id: "11111111-2222-4333-8444-555555555555", role: "user", content: "Deploy Llama 3.1 70B for inference, budget $5000/month", created_at: "2026-11-23T10:00:00.000Z" },
      { id: MSG_ID, role: "assistant", content: planContent, created_at: "2026-11-23T10:00:05.000Z", type: "plan", spec: planSpec, clarification: null, plan },
    ],
  };
}

export async function mockHealth(page: Page, body: unknown = healthOk) {
  await page.route("**/api/health", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) }));
}

/** Answer POST /api/chat/stream with the given responses in turn; records each request body. */
export async function mockStream(page: Page, bodies: string[]): Promise<Array<{ conversation_id?: string; message: string }>> {
  const requests: Array<{ conversation_id?: string; message: string }> = [];
  let i = 0;
  await page.route("**/api/chat/stream", async (route: Route) => {
    requests.push(route.request().postDataJSON());
    const body = bodies[Math.min(i++, bodies.length - 1)];
    await route.fulfill({ status: 200, headers: { "content-type": "text/event-stream", "cache-control": "no-store" }, body });
  });
  return requests;
}
