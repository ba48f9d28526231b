import { afterAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { parse } from "yaml";
import { call, converse } from "../api-client";
import { GET as artifactGet } from "@/app/api/v1/chat/[conversation_id]/messages/[message_id]/artifacts/[filename]/route";
import { GET as planMdGet } from "@/app/api/v1/chat/[conversation_id]/messages/[message_id]/plan.md/route";
import { GET as planJsonGet } from "@/app/api/v1/chat/[conversation_id]/messages/[message_id]/plan.json/route";
import { deploymentPlanSchema } from "@/lib/schemas/plan";
import { SKYPILOT_CLOUDS } from "@/lib/artifacts/skypilot-task";
import { expectPlanInvariants, useOfflineRoutes } from "./chat-helpers";
import { fileTally } from "./artifact-checks";

/**
 * Issue 10: requests as users type them, each planned on the real catalog by the offline engine;
 * every file of every plan validates against the upstream chart / SkyPilot / Kubernetes
 * definitions and agrees with deployments[] and the instance (expectPlanInvariants →
 * expectValidFiles). Each scenario also names the components and file kinds it must produce.
 */
const SCENARIOS: { ask: string; answers?: string[]; components: string[]; kinds: string[]; charts?: string[] }[] = [
  { ask: "Serve Llama 3.1 8B Instruct with vLLM on one GPU, $800/month", components: ["llm"], kinds: ["helm_values", "shell", "docker_run"], charts: ["vllm-stack"] },
  { ask: "deploy meta-llama/Llama-3.1-70B-Instruct on 4x A100 80GB, 8k context", components: ["llm"], kinds: ["helm_values", "shell", "docker_run"] },
  { ask: "Qwen2.5 72B AWQ for a chatbot on AWS", components: ["llm"], kinds: ["helm_values", "docker_run"] },
  { ask: "Mixtral 8x7B inference on GCP with a qdrant vector database for RAG", components: ["llm", "vector_db"], kinds: ["helm_values", "shell"], charts: ["vllm-stack", "qdrant"] },
  { ask: "RAG with Llama 3.1 8B and Milvus, budget $1500 a month", components: ["llm", "vector_db"], kinds: ["helm_values"], charts: ["milvus"] },
  { ask: "chatbot with Mistral 7B Instruct and Weaviate for document search", components: ["llm", "vector_db"], kinds: ["helm_values"], charts: ["weaviate"] },
  { ask: "run a GGUF llama 3.1 8b with ollama on a single L4", components: ["llm"], kinds: ["helm_values", "docker_run"], charts: ["ollama"] },
  { ask: "Serve Qwen/Qwen3-235B-A22B-FP8 for inference", components: ["llm"], kinds: ["helm_values"] },
  { ask: "Gemma 2 9B it on an RTX 4090, cheapest possible", components: ["llm"], kinds: ["helm_values", "docker_run"] },
  { ask: "deploy DeepSeek R1 Distill Qwen 32B in fp8 on H100", components: ["llm"], kinds: ["helm_values"] },
  { ask: "Serve BAAI/bge-large-en-v1.5 embeddings for semantic search", components: ["embeddings"], kinds: ["k8s_manifest", "docker_run", "shell"] },
  { ask: "embedding service with intfloat/e5-large-v2 on a T4, under $400/month", components: ["embeddings"], kinds: ["k8s_manifest"] },
  { ask: "I need a reranker: deploy BAAI/bge-reranker-large behind an API", components: ["reranker"], kinds: ["k8s_manifest"] },
  { ask: "Help me set up Stable Diffusion XL", components: ["image_generation"], kinds: ["k8s_manifest", "docker_run"], charts: ["kserve-resources"] },
  { ask: "serve FLUX.1 schnell for image generation on one GPU", components: ["image_generation"], kinds: ["k8s_manifest"] },
  { ask: "Whisper large v3 transcription API, serve it", answers: ["serve it"], components: ["speech"], kinds: ["k8s_manifest"] },
  { ask: "deploy a vision transformer google/vit-base-patch16-224 for image classification inference", components: ["vision"], kinds: ["k8s_manifest"] },
  { ask: "Fine-tune Mistral 7B with LoRA on an A100, track experiments with MLflow", components: ["training_job", "tracking"], kinds: ["k8s_job", "helm_values", "shell"], charts: ["mlflow"] },
  { ask: "Fine-tune language model with MLflow, $2000/mo, AWS", components: ["training_job", "tracking"], kinds: ["k8s_job", "helm_values"] },
  { ask: "QLoRA fine-tuning of Llama 3.1 70B on 2 H100s", components: ["training_job"], kinds: ["k8s_job", "docker_run"] },
  { ask: "Train object detection model, $3000/mo, 2x24GB GPUs", components: ["training_job", "distributed"], kinds: ["k8s_job", "helm_values"], charts: ["kuberay-operator", "ray-cluster"] },
  { ask: "pretrain a 1B language model from scratch on 8 H100s with Ray", components: ["training_job", "distributed"], kinds: ["k8s_job", "helm_values"] },
  { ask: "JupyterHub for a data science team of 10 with GPUs", components: ["notebooks"], kinds: ["helm_values", "shell"], charts: ["jupyterhub"] },
  { ask: "notebooks for my team on one A10G plus MLflow tracking", components: ["notebooks", "tracking"], kinds: ["helm_values"], charts: ["jupyterhub", "mlflow"] },
  { ask: "deploy Llama 70B for inference", components: ["llm"], kinds: ["helm_values"] },
  { ask: "Phi-3 mini on runpod for a small internal assistant, spot is fine", components: ["llm"], kinds: ["helm_values", "docker_run"] },
  { ask: "serve gpt-oss-20b with Prometheus monitoring, under $1000 per month", components: ["llm"], kinds: ["helm_values", "shell"] },
];

export function deploymentFilesSuite(h: () => DbHandle) {
  describe("deployment files (issue 10: every file of every plan validated, real catalog)", () => {
    useOfflineRoutes(h);
    const seen = { components: new Set<string>(), kinds: new Set<string>() };
    afterAll(() => {
      console.log(`[artifacts] ${fileTally.plans} plans, ${fileTally.files} files validated: ${JSON.stringify(fileTally.byKind)}`);
    });

    for (const s of SCENARIOS) {
      it(`"${s.ask}" → ${s.components.join(" + ")}: ${s.kinds.join(", ")}`, async () => {
        const { responses } = await converse(s.ask, s.answers ?? ["serve it", "inference"]);
        const r = responses[responses.length - 1];
        expect(r.type, JSON.stringify(r.clarification)).toBe("plan");
        const plan = expectPlanInvariants(r); // includes expectValidFiles(plan)
        const comps = plan.deployments!.map((d) => d.component);
        for (const c of s.components) expect(comps).toContain(c);
        const kinds = new Set(plan.artifacts!.map((a) => a.kind));
        for (const k of s.kinds) expect([...kinds]).toContain(k);
        // A model that runs on the instance gets a SkyPilot task exactly when the instance's provider is a cloud SkyPilot launches on.
        if (kinds.has("docker_run")) expect(kinds.has("skypilot_task")).toBe(SKYPILOT_CLOUDS.has(plan.compute[0].provider.toLowerCase()));
        for (const chart of s.charts ?? []) expect(plan.artifacts!.some((a) => a.filename.endsWith(`-${chart}-values.yaml`) || a.content.includes(`/${chart} --version`))).toBe(true);
        comps.forEach((c) => seen.components.add(c));
        kinds.forEach((k) => seen.kinds.add(k));
      }, 60_000);
    }

    it("the scenarios cover every component kind and every file kind", () => {
      for (const c of ["llm", "embeddings", "reranker", "image_generation", "speech", "vision", "vector_db", "notebooks", "tracking", "distributed", "training_job"]) expect([...seen.components]).toContain(c);
      for (const k of ["helm_values", "k8s_manifest", "k8s_job", "docker_run", "shell"]) expect([...seen.kinds]).toContain(k);
    });

    describe("download and export routes", () => {
      const BASE = "http://127.0.0.1:3000/api/v1/chat";
      const get = (route: typeof planJsonGet, params: Record<string, string>, tail: string) =>
        call(route(new Request(`${BASE}/${params.conversation_id}/messages/${params.message_id}/${tail}`), { params: Promise.resolve(params) } as never));
      const file = (conversation_id: string, message_id: string, filename: string) =>
        call(artifactGet(new Request(`${BASE}/x`), { params: Promise.resolve({ conversation_id, message_id, filename }) }));

      it("every file downloads byte-for-byte with its media type and Content-Disposition; plan.md and plan.json are the stored plan", async () => {
        const { responses } = await converse("RAG with Llama 3.1 8B and Milvus, budget $1500 a month");
        const r = responses[responses.length - 1];
        const plan = r.plan!;
        for (const a of plan.artifacts!) {
          const res = await file(r.conversation_id, r.message_id, a.filename);
          expect(res.status, a.filename).toBe(200);
          expect(res.text).toBe(a.content);
          expect(res.headers.get("content-type")).toBe(`${a.media_type}; charset=utf-8`);
          expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${a.filename}"`);
        }
        const params = { conversation_id: r.conversation_id, message_id: r.message_id };
        const json = await get(planJsonGet, params, "plan.json");
        expect(json.status).toBe(200);
        expect(deploymentPlanSchema.parse(json.json)).toEqual(plan);
        const md = await get(planMdGet, params, "plan.md");
        expect(md.status).toBe(200);
        expect(md.headers.get("content-type")).toContain("text/markdown");
        expect(md.text).toContain("| Provider | Instance | GPUs |");
        expect(md.text).toContain(`| ${plan.compute[0].provider} | ${plan.compute[0].instance_type} |`);
        for (const a of plan.artifacts!) expect(md.text).toContain(`### ${a.filename}`);
        expect(md.text).toContain(plan.artifacts![0].content.split("\n")[0]);
      }, 60_000);

      it("an unknown filename → 404, path traversal → 400 naming filename, a clarification message or unknown ids → 404", async () => {
        const { responses } = await converse("Serve BAAI/bge-large-en-v1.5 embeddings for semantic search");
        const r = responses[responses.length - 1];
        const missing = await file(r.conversation_id, r.message_id, "nope-values.yaml");
        expect(missing.status).toBe(404);
        expect(missing.json.error.code).toBe("not_found");
        for (const bad of ["../../etc/passwd", "..", "a/b.yaml", "..%2Fsecret", ".env", "x\\y.sh"]) {
          const res = await file(r.conversation_id, r.message_id, bad);
          expect(res.status, bad).toBe(400);
          expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain("filename");
        }
        const otherMessage = await file(r.conversation_id, r.user_message_id!, "install.sh");
        expect(otherMessage.status).toBe(404);
        const unknownConv = await file("00000000-0000-4000-8000-000000000000", r.message_id, "install.sh");
        expect(unknownConv.status).toBe(404);
        const badId = await get(planJsonGet, { conversation_id: "not-a-uuid", message_id: r.message_id }, "plan.json");
        expect(badId.status).toBe(400);
        expect(badId.json.error.details[0].path).toBe("conversation_id");
      }, 60_000);
    });

    it("a SkyPilot task's accelerators are the instance's exact GPU and count; a CPU plan's task asks for CPUs and memory instead", async () => {
      const { responses } = await converse("deploy meta-llama/Llama-3.1-70B-Instruct on 4x A100 80GB, 8k context");
      const plan = responses[responses.length - 1].plan!;
      const sky = parse(plan.artifacts!.find((a) => a.kind === "skypilot_task")!.content);
      const top = plan.compute[0];
      if (top.gpu_count > 0 && top.gpu_model) {
        expect(sky.resources.accelerators).toBe(`${top.gpu_model}:${top.gpu_count}`);
        expect(top.gpu_count).toBe(4);
      } else {
        // CPU-only: no accelerators; at least the vCPUs and memory sized (SkyPilot's "N+" form).
        expect(sky.resources.accelerators).toBeUndefined();
        expect(sky.resources.cpus).toMatch(/^\d+(\.\d+)?\+$/);
        expect(sky.resources.memory).toMatch(/^\d+(\.\d+)?\+$/);
      }
    }, 60_000);
  });
}
