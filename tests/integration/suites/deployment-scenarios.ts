import { describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { resolveUserGpu } from "@/lib/gpu/specs";
import { usableGpuMemoryGb } from "@/lib/sizing";
import type { ChatResponse } from "@/lib/schemas/chat";
import { converse } from "../api-client";
import { expectPlanInvariants, useOfflineRoutes } from "./chat-helpers";
import { expectCoherentPlan } from "./deployment-coherence";

async function planFor(message: string, answers: string[] = []) {
  const { responses } = await converse(message, answers);
  const r = responses[responses.length - 1];
  expect(r.type, `"${message}" → ${JSON.stringify(r.clarification)}`).toBe("plan");
  const plan = expectPlanInvariants(r);
  expectCoherentPlan(plan, r.spec);
  return { r, plan, d: plan.deployments![0] };
}
const codes = (r: ChatResponse) => r.plan!.warning_details!.map((w) => w.code);

/**
 * Scenario tests on the real snapshot (issue 9), typed as users type them: one chosen deployment
 * per plan, the same in every part. Each also passes expectCoherentPlan.
 */
export function deploymentScenarioSuite(h: () => DbHandle) {
  describe("deployment scenarios (offline engine, real catalog)", () => {
    useOfflineRoutes(h);

    it("single GPU 8B for $800/month: a card that holds 18 GB, TP 1, never a 16 GB or 12 GB card", async () => {
      const { plan, d } = await planFor("Deploy Llama 3.1 8B Instruct for a chatbot on a single GPU, $800/month");
      expect(d).toMatchObject({ model_id: "meta-llama/Llama-3.1-8B-Instruct", tensor_parallel_size: 1, gpus_per_replica: 1, fits: true });
      for (const c of plan.compute) expect(c.gpu_memory_gb_per_gpu!).toBeGreaterThanOrEqual(20);
      expect(usableGpuMemoryGb(plan.compute[0].gpu_memory_gb_per_gpu!)).toBeGreaterThanOrEqual(plan.sizing.memory_gb_required);
      expect(plan.steps.join(" ")).not.toMatch(/tensor ?parallel(Size)? [2-9]/i);
      expect(plan.fits_budget).toBe(true);
    });

    it("2× A100 80GB for Llama 3 70B in bf16: it fits, TP 2, no contradicting warning", async () => {
      const { plan, d } = await planFor("I have budget for 2x A100 80GB. Serve Llama 3 70B in bf16 with 4k context");
      expect(d).toMatchObject({ tensor_parallel_size: 2, fits: true, precision: "bf16" });
      expect(plan.compute[0].gpu_count).toBe(2);
      expect(d.memory_per_gpu_gb!.needed).toBeLessThanOrEqual(d.memory_per_gpu_gb!.usable);
      expect(plan.warnings.join(" ")).not.toMatch(/below|cannot hold|out-of-memory/);
    });

    it("the named AWQ repo is deployed as named and sized in int4", async () => {
      const { plan, d } = await planFor("Deploy Qwen/Qwen2.5-72B-Instruct-AWQ with vLLM");
      expect(d).toMatchObject({ model_id: "Qwen/Qwen2.5-72B-Instruct-AWQ", precision: "int4", quantization: "awq" });
      expect(plan.models[0].id).toBe("Qwen/Qwen2.5-72B-Instruct-AWQ");
      expect(plan.sizing.breakdown.weights).toBeLessThan(72 * 0.6);
    });

    it("the named FP8 repo is deployed as named, sized in fp8, on an fp8-capable GPU", async () => {
      const { plan, d } = await planFor("Serve Qwen/Qwen3-235B-A22B-FP8 for inference");
      expect(d).toMatchObject({ model_id: "Qwen/Qwen3-235B-A22B-FP8", precision: "fp8", quantization: "fp8" });
      expect(plan.sizing.breakdown.weights).toBeLessThan(235 * 1.2);
      expect(d.engine_image).toMatch(/vllm-openai:v0\.(9|1\d)/); // Qwen3 needs ≥ 0.8.5
    });

    it("hugging-quants' AWQ-INT4 Llama 3.1 70B is deployed as named", async () => {
      const { d, plan } = await planFor("Deploy hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4");
      expect(d).toMatchObject({ model_id: "hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4", precision: "int4", quantization: "awq", fits: true });
      expect(plan.sizing.memory_gb_required).toBeLessThan(60);
    });

    it("'I need some GPUs' → chat LLM, inference, under $500: sized and deployed on the same reference model", async () => {
      const { r, d, plan } = await planFor("I need some GPUs", ["A chat / text LLM for inference, under $500/month"]);
      expect(r.spec.modality).toBe("llm");
      expect(d.model_id).toBe("meta-llama/Llama-3.1-8B-Instruct");
      for (const m of plan.models) expect(m.params_b ?? 0).toBeLessThanOrEqual(13);
      expect(plan.models.map((m) => m.id)).not.toContain("deepseek-ai/DeepSeek-R1");
      expect(plan.fits_budget).toBe(true);
    });

    it("FLUX.1-dev: the non-commercial licence is said plainly, as a warning about the deployed model", async () => {
      const { r, d } = await planFor("Set up FLUX.1-dev for image generation");
      expect(d).toMatchObject({ component: "image_generation", model_id: "black-forest-labs/FLUX.1-dev", engine: "diffusers" });
      const w = r.plan!.warning_details!.find((x) => x.code === "non_commercial_license")!;
      expect(w.severity).toBe("warning");
      expect(w.message).toMatch(/^black-forest-labs\/FLUX\.1-dev is licensed for non-commercial use only/);
      expect(r.plan!.packages.map((p) => p.name)).toEqual(expect.arrayContaining(["cert-manager", "kserve-crd", "kserve-resources"]));
    });

    it("a model larger than any catalog instance: the plan says so, never a 500", async () => {
      const { d, plan } = await planFor("Serve a 5000B parameter LLM in bf16 for inference");
      expect(d.fits).toBe(false);
      expect(plan.compute).toEqual([]);
      expect(plan.summary).toMatch(/^No catalog instance/);
      expect(plan.warning_details![0]).toMatchObject({ severity: "blocker", code: "no_instance" });
    });

    it("an impossible spec (a 400B fine-tune on one RTX 3060 for $20/month) is a plan that says so, not an error", async () => {
      const { d, plan } = await planFor("Fine-tune a 400B model on a single RTX 3060 for $20/month");
      expect(d.fits).toBe(false);
      expect(plan.summary.split(/(?<=\.)\s/)[0]).toMatch(/does not fit|No catalog instance/);
      expect(plan.warning_details![0].severity).toBe("blocker");
    });

    it("Llama 70B on a single 4090: fits is false, the headline says so and names the cheapest fit", async () => {
      const { d, plan } = await planFor("Serve Llama 70B on a single 4090");
      expect(d.fits).toBe(false);
      expect(resolveUserGpu("4090")).toContain(plan.compute[0].gpu_model);
      expect(plan.summary.split(/(?<=\.)\s/)[0]).toMatch(/does not fit your GPU constraint .* cheapest configuration that fits is \*\*/);
      expect(plan.warning_details![0].code).toBe("does_not_fit");
    });

    it("Llama 3.1 70B on two 24 GB cards: too small in bf16, so the official int4 repo is deployed", async () => {
      const { d, plan } = await planFor("Run Llama 3.1 70B Instruct on 2x RTX 3090 24GB");
      expect(d.fits).toBe(true);
      expect(d.precision).toBe("int4");
      expect(d.model_id).toMatch(/AWQ|GPTQ/i);
      expect(plan.models[0].id).toBe(d.model_id);
      expect(codes({ plan } as ChatResponse)).toContain("quantized_checkpoint");
    });

    it("int4 asked for a 16-bit repo: the official quantized repo is deployed", async () => {
      const { d } = await planFor("Serve Qwen2.5 72B Instruct in 4-bit");
      expect(d.precision).toBe("int4");
      expect(d.model_id).toMatch(/^Qwen\/Qwen2\.5-72B-Instruct-(AWQ|GPTQ)/);
    });

    it("gpt-oss-120b gets a vLLM image new enough for its architecture", async () => {
      const { d } = await planFor("Run gpt-oss-120b for our internal assistant");
      expect(d.engine).toBe("vllm");
      expect(d.engine_image).toBe("vllm/vllm-openai:v0.10.1");
    });

    it("Mixtral 8x7B on 8 GPUs: TP divides both the GPUs and the 32 heads, leftover GPUs are replicas", async () => {
      const { d, plan } = await planFor("Serve Mixtral 8x7B with 8 GPUs for high throughput");
      expect(plan.compute[0].gpu_count).toBeGreaterThanOrEqual(8);
      expect(32 % d.tensor_parallel_size!).toBe(0);
      expect(d.tensor_parallel_size! * d.replicas).toBeLessThanOrEqual(plan.compute[0].gpu_count);
    });

    it("bge embeddings for RAG with Qdrant: TEI as a plain Deployment and the Qdrant chart, no vLLM", async () => {
      const { plan } = await planFor("Embeddings service with BAAI/bge-large-en-v1.5 for a RAG app, with qdrant");
      const [emb, vdb] = plan.deployments!;
      expect(emb).toMatchObject({ component: "embeddings", engine: "tei", model_id: "BAAI/bge-large-en-v1.5" });
      expect(emb.engine_image).toMatch(/text-embeddings-inference/);
      expect(vdb).toMatchObject({ component: "vector_db", engine: "qdrant", tool: "qdrant", gpus_per_replica: 0 });
      // Qdrant is sized and placed: on the GPU node when it has room and that is not dearer, else on a CPU node.
      const node = plan.nodes!.find((n) => n.id === vdb.node)!;
      expect(vdb.instance).toEqual({ provider: node.instance.provider, instance_type: node.instance.instance_type, region: node.instance.region });
      expect(vdb.resources!.memory_gb).toBeGreaterThan(0);
      expect(plan.estimated_stack_monthly_cost_usd).toBeCloseTo(plan.nodes!.reduce((a, n) => a + n.monthly_cost_usd, 0), 1);
      expect(plan.packages.map((p) => `${p.repository}/${p.name}`)).toContain("qdrant/qdrant");
      expect(plan.packages.some((p) => /vllm/.test(p.name))).toBe(false);
    });

    it("a cross-encoder reranker is its own component on TEI", async () => {
      const { d } = await planFor("Deploy BAAI/bge-reranker-large as a reranker for search");
      expect(d).toMatchObject({ component: "reranker", engine: "tei" });
    });

    it("JupyterHub for a team: notebooks on jupyterhub/jupyterhub, no model", async () => {
      const { d, plan } = await planFor("Set up JupyterHub for my data science team with GPUs");
      expect(d).toMatchObject({ component: "notebooks", engine: "jupyterhub", model_id: null });
      expect(plan.packages.map((p) => `${p.repository}/${p.name}`)).toContain("jupyterhub/jupyterhub");
    });

    it("fine-tuning with MLflow and Ray: a training job, tracking and a Ray cluster, prerequisites first", async () => {
      const { plan } = await planFor("Fine-tune Mistral 7B with LoRA using Ray and MLflow on AWS, $3000/month");
      const comps = plan.deployments!.map((x) => x.component);
      expect(comps[0]).toBe("training_job");
      expect(comps).toEqual(expect.arrayContaining(["tracking", "distributed"]));
      const names = plan.packages.map((p) => `${p.repository}/${p.name}`);
      expect(names).toEqual(expect.arrayContaining(["community-charts/mlflow", "kuberay/kuberay-operator", "kuberay/ray-cluster"]));
      const idx = (re: RegExp) => plan.steps.findIndex((s) => re.test(s));
      expect(idx(/kuberay-operator/)).toBeLessThan(idx(/ray-cluster/));
      expect(idx(/ray-cluster/)).toBeLessThan(idx(/Submit the .*fine-tuning job/));
    });

    it("Ollama for a GGUF model: the otwld/ollama chart, no vLLM", async () => {
      const { d, plan } = await planFor("Run Llama 3.1 8B locally with ollama");
      expect(d.engine).toBe("ollama");
      expect(plan.packages.map((p) => `${p.repository}/${p.name}`)).toEqual(["otwld/ollama"]);
    });

    it("asking for TGI with an LLM: one serving stack (vLLM), and the plan says TGI is not installed", async () => {
      const { d, r } = await planFor("Serve Mistral 7B Instruct with TGI");
      expect(d.engine).toBe("vllm");
      expect(codes(r)).toContain("one_serving_stack");
    });

    it("SDXL on KServe: cert-manager, then kserve-crd, then kserve-resources, then the InferenceService", async () => {
      const { plan } = await planFor("Help me set up Stable Diffusion XL for an image API");
      const idx = (re: RegExp) => plan.steps.findIndex((s) => re.test(s));
      expect(idx(/cert-manager/)).toBeGreaterThan(-1);
      expect(idx(/cert-manager/)).toBeLessThan(idx(/kserve-crd/));
      expect(idx(/kserve-crd/)).toBeLessThan(idx(/InferenceService/));
    });

    it("every chart is pinned to the catalog's version", async () => {
      const { plan } = await planFor("Serve Qwen3 32B on GCP with Prometheus monitoring");
      for (const p of plan.packages) if (/^helm /.test(p.install_command)) expect(p.install_command).toContain(`--version ${p.version}`);
    });

    it("the GPU operator is an optional step, not a package of the plan", async () => {
      const { plan } = await planFor("Serve Gemma 2 9B instruct on Lambda");
      expect(plan.steps.some((s) => /^Optional, .*gpu-operator/.test(s))).toBe(true);
      expect(plan.packages.some((p) => p.name === "gpu-operator")).toBe(false);
    });

    it("Llama licence warnings are about the deployed repo only (not alternatives)", async () => {
      const { plan, d } = await planFor("Serve meta-llama/Llama-3.1-8B-Instruct in Europe");
      for (const w of plan.warning_details!.filter((x) => /licen[cs]e|gated/.test(x.code))) expect(w.message.startsWith(d.model_id!)).toBe(true);
    });

    it("Llama 405B for $100/month: over budget, the verdict agrees with the cost, int4 alternative named", async () => {
      const { plan } = await planFor("Llama 405B for $100/month", ["Inference / serving"]);
      expect(plan.fits_budget).toBe(false);
      expect(plan.warning_details!.map((w) => w.code)).toContain("over_budget");
    });

    it("fp8 on an A100 (pinned): the capability warning, and the plan still coherent", async () => {
      const { r } = await planFor("Serve Llama 3.1 8B in fp8 on an A100");
      expect(codes(r)).toContain("gpu_capability");
    });

    it("Whisper large-v3 transcription: speech on KServe, one GPU per replica", async () => {
      const { d } = await planFor("Whisper large-v3 transcription service in the US", ["Inference / serving"]);
      expect(d).toMatchObject({ component: "speech", gpus_per_replica: 1, fits: true });
    });

    it("long context and many users: the layout accounts for the KV cache (more GPUs or bigger cards)", async () => {
      const small = await planFor("Serve Llama 3.1 8B Instruct");
      const busy = await planFor("Serve Llama 3.1 8B Instruct with 32k context for 64 concurrent users");
      expect(busy.d.memory_per_gpu_gb!.needed * busy.d.gpus_per_replica).toBeGreaterThan(small.d.memory_per_gpu_gb!.needed);
      expect(busy.d.max_model_len).toBe(32768);
    });
  });
}
