import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildArtifacts } from "./index";
import { planFileErrors } from "./validate/plan-files";
import { dep, gpuDep, INSTANCE, testPlan } from "./test-plans";
import type { InstanceOption } from "@/lib/schemas/plan";

const llm = gpuDep({
  component: "llm", engine: "vllm", model_id: "meta-llama/Llama-3.1-70B-Instruct", precision: "bf16", engine_image: "vllm/vllm-openai:v0.10.1",
  gpus_per_replica: 4, tensor_parallel_size: 4, pipeline_parallel_size: 1, max_model_len: 8192, gpu_memory_utilization: 0.9, kv_cache_dtype: "auto",
});

function files(...args: Parameters<typeof testPlan>) {
  const { plan, charts } = testPlan(...args);
  plan.artifacts = buildArtifacts(plan, { charts, task: args[0][0][0].component === "training_job" ? "fine_tuning" : "inference" });
  return { plan, byName: new Map(plan.artifacts.map((a) => [a.filename, a])) };
}

describe("plan.artifacts", () => {
  it("a gated vLLM deployment: values with the checkpoint, TP, GPUs, node label, storage and a Secret reference; every file valid", () => {
    const { plan, byName } = files([[llm, ["vllm-stack"]]], { gated: [llm.model_id!], weightsGb: 141 });
    expect([...byName.keys()].sort()).toEqual(["install.sh", "llm-vllm-stack-values.yaml", "run.sh", "sky-task.yaml"]);
    const m = parse(byName.get("llm-vllm-stack-values.yaml")!.content).servingEngineSpec.modelSpec[0];
    expect(m).toMatchObject({
      modelURL: "meta-llama/Llama-3.1-70B-Instruct", repository: "vllm/vllm-openai", tag: "v0.10.1", requestGPU: 4, pvcStorage: "190Gi",
      hf_token: { secretName: "hf-token", secretKey: "token" },
      vllmConfig: { tensorParallelSize: 4, maxModelLen: 8192, gpuMemoryUtilization: 0.9, dtype: "bfloat16" },
    });
    expect(m.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: "nvidia.com/gpu.product", operator: "In", values: ["NVIDIA-A100-SXM4-80GB"] });
    const sky = parse(byName.get("sky-task.yaml")!.content);
    expect(sky.resources).toMatchObject({ cloud: "aws", region: "us-east-1", instance_type: "p4de.24xlarge", accelerators: "A100-80GB:8", use_spot: false });
    expect(sky.secrets).toEqual({ HF_TOKEN: null });
    for (const a of plan.artifacts!) expect(a.content).not.toMatch(/hf_[A-Za-z0-9]{20,}/);
    const install = byName.get("install.sh")!.content;
    expect(install.indexOf("create secret generic hf-token")).toBeLessThan(install.indexOf("helm upgrade"));
    expect(install).toContain("helm upgrade --install vllm-stack vllm/vllm-stack --version 0.1.7 -f llm-vllm-stack-values.yaml");
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("pipeline parallelism and AWQ go to extraArgs; fp16 activations", () => {
    const d = { ...llm, model_id: "Qwen/Qwen2.5-72B-Instruct-AWQ", precision: "int4" as const, quantization: "awq" as const, tensor_parallel_size: 2, pipeline_parallel_size: 2 };
    const { plan, byName } = files([[d, ["vllm-stack"]]]);
    const cfg = parse(byName.get("llm-vllm-stack-values.yaml")!.content).servingEngineSpec.modelSpec[0].vllmConfig;
    expect(cfg.extraArgs).toEqual(["--pipeline-parallel-size", "2", "--quantization", "awq"]);
    expect(cfg.dtype).toBe("float16");
    expect(byName.get("run.sh")!.content).toMatch(/--tensor-parallel-size 2[\s\\]+--max-model-len/);
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("embeddings on TEI: a Deployment + Service + PVC with probes on /health and a GPU limit", () => {
    const inst: InstanceOption = { ...INSTANCE, instance_type: "g6.xlarge", gpu_model: "L4", gpu_count: 1, vcpus: 4, memory_gb: 16 };
    const d = gpuDep({ component: "embeddings", engine: "tei", model_id: "BAAI/bge-large-en-v1.5", engine_image: "ghcr.io/huggingface/text-embeddings-inference:89-1.8", gpus_per_replica: 1 }, inst);
    const { plan, byName } = files([[d, []]], { inst });
    const docs = byName.get("embeddings-tei.yaml")!.content.split(/^---$/m).map((s) => parse(s));
    expect(docs.map((o) => o.kind)).toEqual(["PersistentVolumeClaim", "Deployment", "Service"]);
    const c = docs[1].spec.template.spec.containers[0];
    expect(c.readinessProbe.httpGet).toEqual({ path: "/health", port: 80 });
    expect(c.resources.limits["nvidia.com/gpu"]).toBe("1");
    expect(docs[1].spec.template.spec.nodeSelector).toEqual({ "nvidia.com/gpu.product": "NVIDIA-L4" });
    expect(byName.get("install.sh")!.content).toContain("kubectl apply -n \"$NAMESPACE\" -f embeddings-tei.yaml");
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("fine-tuning: a batch/v1 Job with the model, the GPUs and TRL; CPU services get their chart resources", () => {
    const d = gpuDep({ component: "training_job", engine: "pytorch", model_id: "mistralai/Mistral-7B-v0.3", precision: "bf16", gpus_per_replica: 2 });
    const { plan, byName } = files([[d, []], [dep({ component: "tracking", engine: "mlflow" }), ["mlflow"]], [dep({ component: "vector_db", engine: "qdrant" }), ["qdrant"]]]);
    const [, job] = byName.get("training-job-job.yaml")!.content.split(/^---$/m).map((s) => parse(s));
    expect(job).toMatchObject({ apiVersion: "batch/v1", kind: "Job" });
    const c = job.spec.template.spec.containers[0];
    expect(c.env).toContainEqual({ name: "MODEL_ID", value: "mistralai/Mistral-7B-v0.3" });
    expect(c.resources.limits["nvidia.com/gpu"]).toBe("2");
    expect(c.command.join(" ")).toContain("trl.scripts.sft");
    expect(parse(byName.get("tracking-mlflow-values.yaml")!.content).resources.requests).toEqual({ cpu: "1", memory: "2Gi" });
    const install = byName.get("install.sh")!.content;
    expect(install.indexOf("mlflow")).toBeLessThan(install.indexOf("training-job-job.yaml"));
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("image generation on KServe: cert-manager and CRDs first (waited for), then the InferenceService", () => {
    const d = gpuDep({ component: "image_generation", engine: "diffusers", model_id: "stabilityai/stable-diffusion-xl-base-1.0", gpus_per_replica: 1 });
    const { plan, byName } = files([[d, ["cert-manager", "kserve-crd", "kserve-resources"]]]);
    const isvc = parse(byName.get("image-generation-inferenceservice.yaml")!.content);
    expect(isvc.spec.predictor.model).toMatchObject({ storageUri: "hf://stabilityai/stable-diffusion-xl-base-1.0", image: "kserve/huggingfaceserver:v0.15.2" });
    const install = byName.get("install.sh")!.content;
    expect(install).toMatch(/cert-manager .*--set crds.enabled=true --namespace "\$NAMESPACE" --wait/);
    expect(install).toContain("oci://ghcr.io/kserve/charts/kserve-crd --version v0.15.2");
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("Ollama, notebooks with a GPU, Milvus, Weaviate, Ray: every file valid", () => {
    const o = gpuDep({ component: "llm", engine: "ollama", model_id: "bartowski/Llama-3.2-3B-Instruct-GGUF", engine_image: "ollama/ollama:0.9.0", gpus_per_replica: 1 });
    const cases = [
      files([[o, ["ollama"]], [dep({ component: "vector_db", engine: "milvus" }), ["milvus"]]]),
      files([[gpuDep({ component: "notebooks", engine: "jupyterhub", gpus_per_replica: 1 }), ["jupyterhub"]], [dep({ component: "vector_db", engine: "weaviate" }), ["weaviate"]], [dep({ component: "distributed", engine: "ray" }), ["kuberay-operator", "ray-cluster"]]]),
    ];
    for (const { plan } of cases) expect(planFileErrors(plan)).toEqual([]);
    expect(parse(cases[0].byName.get("llm-ollama-values.yaml")!.content).ollama.models.pull).toEqual(["hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF"]);
    expect(parse(cases[1].byName.get("notebooks-jupyterhub-values.yaml")!.content).singleuser.extraResource.limits).toEqual({ "nvidia.com/gpu": "1" });
  });

  it("a provider SkyPilot cannot launch on gets no sky-task.yaml; every filename is a plain name", () => {
    const inst = { ...INSTANCE, provider: "ovhcloud" };
    const { plan, byName } = files([[{ ...llm, instance: { ...llm.instance!, provider: "ovhcloud" } }, ["vllm-stack"]]], { inst });
    expect(byName.has("sky-task.yaml")).toBe(false);
    expect(byName.has("run.sh")).toBe(true);
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("a blocked model deployment (no instance, or it does not fit) gets no files; its supporting services still do", () => {
    for (const d of [{ ...llm, instance: null }, { ...llm, fits: false }]) {
      const { byName } = files([[d, ["vllm-stack"]], [dep({ component: "vector_db", engine: "qdrant" }), ["qdrant"]]]);
      expect([...byName.keys()].sort()).toEqual(["install.sh", "vector-db-qdrant-values.yaml"]);
      const install = byName.get("install.sh")!.content;
      expect(install).not.toMatch(/^helm upgrade .*vllm/m);
      expect(install).toMatch(/^# llm \(vllm\): no files — /m); // said, not silently dropped
    }
  });

  it("no exact checkpoint named: the files deploy the plan's top model", () => {
    const { plan, charts } = testPlan([[{ ...llm, model_id: null }, ["vllm-stack"]]], { gated: ["meta-llama/Llama-3.1-8B-Instruct"] });
    plan.artifacts = buildArtifacts(plan, { charts });
    expect(parse(plan.artifacts.find((a) => a.kind === "helm_values")!.content).servingEngineSpec.modelSpec[0].modelURL).toBe("meta-llama/Llama-3.1-8B-Instruct");
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("the agreement check catches a file that disagrees with the plan", () => {
    const { plan } = files([[llm, ["vllm-stack"]]]);
    plan.deployments![0] = { ...plan.deployments![0], tensor_parallel_size: 8 };
    expect(planFileErrors(plan).join("\n")).toMatch(/tensorParallelSize is 4, the plan says 8/);
  });
});
