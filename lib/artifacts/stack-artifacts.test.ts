import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Artifact } from "@/lib/schemas/artifacts";
import type { DeploymentPlan } from "@/lib/schemas/plan";
import { buildArtifacts } from "./index";
import { deploymentOfFile } from "./file-stems";
import { usersPerGpu } from "./gpu-sharing";
import { planFileErrors } from "./validate/plan-files";
import { helmValuesErrors } from "./validate/index";
import { profileListErrors } from "./validate/kubespawner";
import { CPU_16, CPU_8, INSTANCE, L40S_1, L4_1, onNode, profile, stackNode, stackPlan } from "./test-plans";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function build(...args: Parameters<typeof stackPlan>) {
  const { plan, charts } = stackPlan(...args);
  plan.artifacts = buildArtifacts(plan, { charts });
  const byName = new Map(plan.artifacts.map((a) => [a.filename, a]));
  const yaml = (name: string): Obj[] => byName.get(name)!.content.split(/^---$/m).map((s) => parse(s));
  return { plan, byName, yaml, install: byName.get("install.sh")?.content ?? "" };
}

/** The checks every stack plan must pass: each deployment has a file, every file validates and agrees, GPU-less parts mention no GPU. */
function expectSound(plan: DeploymentPlan) {
  expect(planFileErrors(plan)).toEqual([]);
  const files = plan.artifacts ?? [];
  const deps = plan.deployments ?? [];
  for (const [i, d] of deps.entries()) {
    const mine = files.filter((a) => a.component === d.component && deploymentOfFile(deps, a.component, a.filename) === i);
    expect(mine.length, `${d.component} (${d.engine}) has files`).toBeGreaterThan(0);
    const gpuLess = d.gpus_per_replica === 0 && !(d.profiles ?? []).some((p) => p.gpus > 0);
    if (gpuLess) for (const a of mine) expect(a.content, `${a.filename}`).not.toContain("nvidia.com/gpu");
  }
}

const cpuSelector = (inst: { instance_type: string }) => ({ "node.kubernetes.io/instance-type": inst.instance_type });
const res = (vcpus: number, memory_gb: number, storage_gb: number, gpus = 0) => ({ vcpus, memory_gb, storage_gb, gpus });

describe("stack plans: every deployment gets valid files", () => {
  it("RAG stack: vLLM on the GPU node; TEI embeddings and Qdrant on the CPU node, pinned by instance type, installed first", () => {
    const gpu = stackNode("gpu", L40S_1, 1, ["llm"]);
    const cpu = stackNode("cpu", CPU_16, 1, ["embeddings", "vector_db"]);
    const llm = onNode(gpu, {
      component: "llm", engine: "vllm", model_id: "Qwen/Qwen2.5-7B-Instruct", precision: "bf16", engine_image: "vllm/vllm-openai:v0.10.1",
      gpus_per_replica: 1, tensor_parallel_size: 1, pipeline_parallel_size: 1, max_model_len: 8192, gpu_memory_utilization: 0.9, kv_cache_dtype: "auto",
    });
    const emb = onNode(cpu, { component: "embeddings", engine: "tei", model_id: "BAAI/bge-small-en-v1.5", engine_image: "ghcr.io/huggingface/text-embeddings-inference:89-1.8", resources: res(4, 8, 10) });
    const vdb = onNode(cpu, { component: "vector_db", engine: "qdrant", tool: "qdrant", resources: res(2, 8, 100) });
    const { plan, byName, yaml, install } = build([[llm, ["vllm-stack"]], [emb, []], [vdb, ["qdrant"]]], [gpu, cpu]);
    expectSound(plan);

    const [, tei] = yaml("embeddings-tei.yaml");
    const pod = tei.spec.template.spec;
    expect(pod.containers[0].image).toBe("ghcr.io/huggingface/text-embeddings-inference:cpu-1.8"); // the CPU build of the planned version
    expect(pod.containers[0].resources).toEqual({ requests: { cpu: "4", memory: "8G" }, limits: { memory: "8G" } });
    expect(pod.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(pod.tolerations).toBeUndefined();

    const q = parse(byName.get("vector-db-qdrant-values.yaml")!.content);
    expect(q).toMatchObject({ persistence: { size: "100Gi" }, resources: { requests: { cpu: "2", memory: "8G" } }, nodeSelector: cpuSelector(CPU_16) });
    const m = parse(byName.get("llm-vllm-stack-values.yaml")!.content).servingEngineSpec.modelSpec[0];
    expect(m.nodeSelectorTerms[0].matchExpressions[0].values).toEqual(["NVIDIA-L40S"]);
    // The single-machine run and SkyPilot task are for the LLM on its GPU node.
    expect(parse(byName.get("sky-task.yaml")!.content).resources).toMatchObject({ instance_type: "g6e.2xlarge", accelerators: "L40S:1" });
    expect(install.indexOf("qdrant/qdrant")).toBeLessThan(install.indexOf("vllm/vllm-stack"));
    expect(install.indexOf("embeddings-tei.yaml")).toBeGreaterThan(install.indexOf("qdrant/qdrant"));
  });

  it("MLflow alone on a CPU node: sized server, artifacts and SQLite on a PVC of the planned size; PostgreSQL when the sizing says a database", () => {
    const cpu = stackNode("cpu", CPU_8, 1, ["tracking"]);
    const base = onNode(cpu, { component: "tracking", engine: "mlflow", tool: "mlflow", resources: res(2, 4, 200) });
    const sqlite = build([[base, ["mlflow"]]], [cpu]);
    expectSound(sqlite.plan);
    const v = parse(sqlite.byName.get("tracking-mlflow-values.yaml")!.content);
    expect(v.nodeSelector).toEqual(cpuSelector(CPU_8));
    expect(v.resources.requests).toEqual({ cpu: "2", memory: "4G" });
    expect(v.backendStore).toEqual({ defaultSqlitePath: "/mlflow/mlflow.db" });
    expect(v.postgresql).toBeUndefined();
    expect(v.extraDeploy[0]).toMatchObject({ kind: "PersistentVolumeClaim", spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "200Gi" } } } });
    expect(v.extraVolumeMounts[0].mountPath).toBe("/mlflow");
    expect(sqlite.byName.has("run.sh")).toBe(false); // a platform, no model to run

    const pg = build([[{ ...base, sizing_basis: ["PostgreSQL backend store for runs and metrics"] }, ["mlflow"]]], [cpu]);
    expectSound(pg.plan);
    const pv = parse(pg.byName.get("tracking-mlflow-values.yaml")!.content);
    expect(pv.postgresql).toEqual({ enabled: true });
    expect(pv.backendStore).toEqual({ databaseMigration: true, databaseConnectionCheck: true });
  });

  it("JupyterHub for 5 people sharing one L4 by time-slicing: profile GPU limits, ConfigMap with 5 replicas before the GPU Operator, culling", () => {
    const gpu = stackNode("gpu", L4_1, 1, ["notebooks"]);
    const profiles = [
      profile({ name: "CPU", description: "Python, no GPU", vcpus: 1, memory_gb: 4, default: true }),
      profile({ name: "Shared L4", description: "A fifth of an L4", gpus: 0.2, gpu_sharing: "time_slicing", gpu_memory_gb: 4.8, vcpus: 0.5, memory_gb: 2.5 }),
    ];
    const nb = onNode(gpu, { component: "notebooks", engine: "jupyterhub", tool: "jupyterhub", users: 5, profiles, resources: res(0.5, 2.5, 20) });
    const { plan, byName, yaml, install } = build([[nb, ["gpu-operator", "jupyterhub"]]], [gpu]);
    expectSound(plan);

    const hub = parse(byName.get("notebooks-jupyterhub-values.yaml")!.content);
    const [cpuP, gpuP] = hub.singleuser.profileList;
    expect(cpuP.kubespawner_override.extra_resource_limits).toBeUndefined();
    expect(cpuP.default).toBe(true);
    expect(gpuP.kubespawner_override).toMatchObject({
      cpu_limit: 0.5, cpu_guarantee: 0.5, mem_limit: "2500M", mem_guarantee: "2500M",
      extra_resource_limits: { "nvidia.com/gpu": "1" }, node_selector: cpuSelector(L4_1),
    });
    expect(hub.cull).toEqual({ enabled: true, timeout: 3600, every: 600 });
    expect(hub.singleuser.storage.capacity).toBe("20Gi");

    const [cm] = yaml("gpu-time-slicing-config.yaml");
    expect(cm.kind).toBe("ConfigMap");
    const cfg = parse(cm.data.any);
    expect(cfg).toEqual({ version: "v1", flags: { migStrategy: "none" }, sharing: { timeSlicing: { resources: [{ name: "nvidia.com/gpu", replicas: 5 }] } } });
    expect(parse(byName.get("notebooks-gpu-operator-values.yaml")!.content)).toEqual({ devicePlugin: { config: { name: "time-slicing-config", default: "any" } } });
    const apply = install.indexOf("-f gpu-time-slicing-config.yaml");
    const operator = install.indexOf("nvidia/gpu-operator");
    expect(apply).toBeGreaterThan(0);
    expect(apply).toBeLessThan(operator);
    expect(install.slice(operator).split("\n")[0]).toContain("--wait");
    expect(operator).toBeLessThan(install.indexOf("jupyterhub/jupyterhub"));
  });

  it("JupyterHub for 5 people on MIG 3g.40gb of A100-80GB: single strategy, node label after the operator, profiles select it", () => {
    const gpu = stackNode("gpu", INSTANCE, 1, ["notebooks"]);
    const profiles = [profile({ name: "MIG 3g.40gb", description: "Half an A100", gpus: 0.5, gpu_sharing: "mig", mig_profile: "3g.40gb", gpu_memory_gb: 40, vcpus: 8, memory_gb: 64, default: true })];
    const nb = onNode(gpu, { component: "notebooks", engine: "jupyterhub", tool: "jupyterhub", users: 5, profiles });
    const { plan, byName, install } = build([[nb, ["gpu-operator", "jupyterhub"]]], [gpu]);
    expectSound(plan);
    expect(byName.has("gpu-time-slicing-config.yaml")).toBe(false);
    expect(parse(byName.get("notebooks-gpu-operator-values.yaml")!.content).mig).toEqual({ strategy: "single" });
    const o = parse(byName.get("notebooks-jupyterhub-values.yaml")!.content).singleuser.profileList[0].kubespawner_override;
    expect(o.extra_resource_limits).toEqual({ "nvidia.com/gpu": "1" }); // single strategy: a MIG instance is still nvidia.com/gpu
    expect(o.node_selector).toEqual({ "nvidia.com/mig.config": "all-3g.40gb" });
    const label = install.indexOf("kubectl label nodes -l node.kubernetes.io/instance-type=p4de.24xlarge nvidia.com/mig.config=all-3g.40gb --overwrite");
    expect(label).toBeGreaterThan(install.indexOf("nvidia/gpu-operator"));
    expect(label).toBeLessThan(install.indexOf("jupyterhub/jupyterhub"));
  });

  it("time-slicing without a GPU Operator chart: the ConfigMap says how to install the operator; install.sh too", () => {
    const gpu = stackNode("gpu", L4_1, 1, ["notebooks"]);
    const profiles = [profile({ name: "GPU", gpus: 1, gpu_sharing: "time_slicing", default: true }), profile({ name: "Whole L4", gpus: 1, gpu_sharing: "none" })];
    const nb = onNode(gpu, { component: "notebooks", engine: "jupyterhub", users: 4, profiles });
    const { plan, byName, install } = build([[nb, ["jupyterhub"]]], [gpu]);
    expectSound(plan);
    const list = parse(byName.get("notebooks-jupyterhub-values.yaml")!.content).singleuser.profileList;
    expect(list.map((p: Obj) => p.kubespawner_override.extra_resource_limits)).toEqual([{ "nvidia.com/gpu": "1" }, { "nvidia.com/gpu": "1" }]);
    expect(list[1].kubespawner_override.node_selector).toEqual({ "nvidia.com/gpu.product": "NVIDIA-L4" }); // a dedicated GPU keeps the product label
    expect(byName.get("gpu-time-slicing-config.yaml")!.content).toMatch(/^# .*Install the NVIDIA GPU Operator .*devicePlugin\.config\.name=time-slicing-config/);
    expect(install).toMatch(/^# The plan has no GPU Operator chart/m);
    expect(parse(parse(byName.get("gpu-time-slicing-config.yaml")!.content).data.any).sharing.timeSlicing.resources[0].replicas).toBe(4); // 4 users on 1 GPU
  });

  it("CPU-only all-MiniLM-L6-v2 at 100 rps: TEI CPU image, 2 replicas without a shared PVC, CPU SkyPilot task, docker run without --gpus", () => {
    const cpu = stackNode("cpu", CPU_8, 2, ["embeddings"]);
    const emb = onNode(cpu, { component: "embeddings", engine: "tei", model_id: "sentence-transformers/all-MiniLM-L6-v2", replicas: 2, resources: res(4, 4, 5) });
    const { plan, byName, yaml } = build([[emb, []]], [cpu]);
    expectSound(plan);
    const docs = yaml("embeddings-tei.yaml");
    expect(docs.map((o) => o.kind)).toEqual(["Deployment", "Service"]);
    expect(docs[0].spec.replicas).toBe(2);
    expect(docs[0].spec.template.spec.volumes[0].emptyDir).toBeDefined();
    expect(docs[0].spec.template.spec.nodeSelector).toEqual(cpuSelector(CPU_8));
    const sky = parse(byName.get("sky-task.yaml")!.content);
    expect(sky.resources).toMatchObject({ instance_type: "m7i.2xlarge", cpus: "4+", memory: "4+" });
    expect(sky.resources.accelerators).toBeUndefined();
    expect(sky.run).not.toContain("--gpus");
    const run = byName.get("run.sh")!.content;
    expect(run).not.toContain("--gpus");
    expect(run).toContain("text-embeddings-inference:cpu-1.8");
  });

  it("Ollama without a model on a CPU node: values with GPU off and nothing to pull; a run.sh that pulls nothing", () => {
    const cpu = stackNode("cpu", CPU_16, 1, ["llm"]);
    const o = onNode(cpu, { component: "llm", engine: "ollama", tool: "ollama", engine_image: "ollama/ollama:0.9.0", resources: res(8, 16, 100) });
    const { plan, byName } = build([[o, ["ollama"]]], [cpu]);
    expectSound(plan);
    const v = parse(byName.get("llm-ollama-values.yaml")!.content);
    expect(v.ollama.gpu.enabled).toBe(false);
    expect(v.ollama.models.pull).toEqual([]);
    expect(v.persistentVolume.size).toBe("100Gi");
    expect(v.nodeSelector).toEqual(cpuSelector(CPU_16));
    const run = byName.get("run.sh")!.content;
    expect(run).not.toMatch(/ollama pull '?[a-z]/);
    expect(run).not.toContain("--gpus");
  });

  it("a small LLM on llama.cpp on a CPU node: Deployment with the CPU server image, -hf repo, no GPU; docker run and SkyPilot task on CPU", () => {
    const cpu = stackNode("cpu", CPU_16, 1, ["llm"]);
    const llm = onNode(cpu, { component: "llm", engine: "llama.cpp", model_id: "Qwen/Qwen2.5-1.5B-Instruct-GGUF", resources: res(8, 8, 10) });
    const { plan, byName, yaml } = build([[llm, []]], [cpu]);
    expectSound(plan);
    const [, deployment] = yaml("llm-llama-cpp.yaml");
    const c = deployment.spec.template.spec.containers[0];
    expect(c.image).toBe("ghcr.io/ggml-org/llama.cpp:server");
    expect(c.args).toEqual(["-hf", "Qwen/Qwen2.5-1.5B-Instruct-GGUF", "--host", "0.0.0.0", "--port", "8080"]);
    expect(deployment.spec.template.spec.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(byName.get("run.sh")!.content).not.toContain("--gpus");
    expect(parse(byName.get("sky-task.yaml")!.content).resources).toMatchObject({ cpus: "8+", memory: "8+" });
  });

  it("a vision model on KServe on a CPU node: InferenceService without GPUs, pinned to the CPU node", () => {
    const cpu = stackNode("cpu", CPU_16, 1, ["vision"]);
    const v = onNode(cpu, { component: "vision", engine: "pytorch", model_id: "google/vit-base-patch16-224", resources: res(4, 8, 10) });
    const { plan, yaml, install } = build([[v, ["cert-manager", "kserve-crd", "kserve-resources"]]], [cpu]);
    expectSound(plan);
    const [isvc] = yaml("vision-inferenceservice.yaml");
    expect(isvc.spec.predictor.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(isvc.spec.predictor.tolerations).toBeUndefined();
    expect(isvc.spec.predictor.model.resources).toEqual({ requests: { cpu: "4", memory: "8G" }, limits: { memory: "8G" } });
    expect(install).toContain("-f vision-inferenceservice.yaml");
  });

  it("two LLMs (vLLM on the GPU node, Ollama on the CPU node): distinct files, each checked against its own deployment", () => {
    const gpu = stackNode("gpu", L40S_1, 1);
    const cpu = stackNode("cpu", CPU_16, 1);
    const big = onNode(gpu, { component: "llm", engine: "vllm", model_id: "Qwen/Qwen2.5-7B-Instruct", gpus_per_replica: 1, tensor_parallel_size: 1, max_model_len: 8192, gpu_memory_utilization: 0.9 });
    const small = onNode(cpu, { component: "llm", engine: "ollama", model_id: "bartowski/Llama-3.2-1B-Instruct-GGUF", resources: res(4, 8, 20) });
    const { plan, byName } = build([[big, ["vllm-stack"]], [small, ["ollama"]]], [gpu, cpu]);
    expectSound(plan);
    expect(parse(byName.get("llm-ollama-ollama-values.yaml")!.content).ollama.models.pull).toEqual(["hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF"]);
    // The agreement check reads each file against its own deployment: a wrong model in the second one is caught.
    plan.deployments![1] = { ...small, model_id: "someone/else-GGUF" };
    expect(planFileErrors(plan).join("\n")).toMatch(/llm-ollama-ollama-values.yaml: ollama.models.pull/);
  });

  it("the plan's top model does not stand in for a tool deployed without one", () => {
    const cpu = stackNode("cpu", CPU_16, 1, ["llm"]);
    const o = onNode(cpu, { component: "llm", engine: "ollama", tool: "ollama", resources: res(8, 16, 100) });
    const { plan, charts } = stackPlan([[o, ["ollama"]]], [cpu], { gated: ["meta-llama/Llama-3.1-8B-Instruct"] });
    plan.artifacts = buildArtifacts(plan, { charts });
    const values = plan.artifacts.find((a: Artifact) => a.filename === "llm-ollama-values.yaml")!;
    expect(parse(values.content).ollama.models.pull).toEqual([]);
    expect(planFileErrors(plan)).toEqual([]);
  });

  it("four deployments on two nodes (LLM + embeddings + vector DB + tracking): each gets its files, two of one kind get distinct names", () => {
    const gpu = stackNode("gpu", L40S_1, 1);
    const cpu = stackNode("cpu", CPU_16, 1);
    const llm = onNode(gpu, { component: "llm", engine: "ollama", model_id: "bartowski/Llama-3.2-3B-Instruct-GGUF", gpus_per_replica: 1 });
    const deps: [ReturnType<typeof onNode>, string[]][] = [
      [llm, ["ollama"]],
      [onNode(cpu, { component: "embeddings", engine: "tei", model_id: "BAAI/bge-small-en-v1.5", resources: res(2, 4, 10) }), []],
      [onNode(cpu, { component: "vector_db", engine: "weaviate", tool: "weaviate", resources: res(2, 8, 50) }), ["weaviate"]],
      [onNode(cpu, { component: "vector_db", engine: "milvus", tool: "milvus", resources: res(4, 16, 200) }), ["milvus"]],
      [onNode(cpu, { component: "distributed", engine: "ray", tool: "ray", replicas: 3, resources: res(4, 16, 0) }), ["kuberay-operator", "ray-cluster"]],
    ];
    const { plan, byName } = build(deps, [gpu, cpu]);
    expectSound(plan);
    expect(byName.has("vector-db-weaviate-values.yaml")).toBe(true);
    expect(byName.has("vector-db-milvus-milvus-values.yaml")).toBe(true);
    const ray = parse(byName.get("distributed-ray-cluster-values.yaml")!.content);
    expect(ray.worker).toMatchObject({ replicas: 2, resources: { limits: { cpu: "4", memory: "16G" } }, nodeSelector: cpuSelector(CPU_16) });
    expect(parse(byName.get("vector-db-milvus-milvus-values.yaml")!.content).standalone.persistence.persistentVolumeClaim.size).toBe("200Gi");
  });
});

describe("GPU sharing arithmetic and the profileList check", () => {
  it("users per GPU: 1 / a fractional share, else users over the pool's GPUs", () => {
    expect(usersPerGpu({ gpus: 0.25 }, 9, 1)).toBe(4);
    expect(usersPerGpu({ gpus: 1 }, 10, 4)).toBe(3);
    expect(usersPerGpu({ gpus: 1 }, 3, 4)).toBe(1);
    expect(usersPerGpu({ gpus: 1 }, null, 4)).toBe(1);
  });

  it("a misspelled KubeSpawner key or a wrong type fails; the GPU Operator's values are key-checked", () => {
    expect(profileListErrors([{ display_name: "x", kubespawner_override: { cpu_limt: 2 } }]).join()).toMatch(/cpu_limt/);
    expect(profileListErrors([{ display_name: "x", kubespawner_override: { mem_limit: 16 } }]).join()).toMatch(/mem_limit/);
    expect(profileListErrors([{ display_nme: "x" }]).join()).toMatch(/display_nme/);
    expect(helmValuesErrors("jupyterhub", { singleuser: { profileList: [{ display_name: "x", kubespawner_override: { node_selektor: {} } }] } }).join()).toMatch(/node_selektor/);
    expect(helmValuesErrors("gpu-operator", { devicePlugin: { conifg: { name: "x" } } }).join()).toMatch(/conifg/);
    expect(helmValuesErrors("gpu-operator", { mig: { strategy: "single" }, devicePlugin: { config: { name: "t", default: "any" } } })).toEqual([]);
  });
});

describe("platform and tool deployments: every one gets a file of its own", () => {
  const cpu = stackNode("cpu", CPU_16, 1, ["monitoring", "pipelines", "vector_db", "other"]);
  const stack = () => {
    const deps: [ReturnType<typeof onNode>, string[]][] = [
      [onNode(cpu, { component: "monitoring", engine: "prometheus", tool: "prometheus", resources: res(2, 4, 30) }), ["kube-prometheus-stack"]],
      [onNode(cpu, { component: "pipelines", engine: "kubeflow", tool: "kubeflow", resources: res(4, 8, 20) }), []],
      [onNode(cpu, { component: "vector_db", engine: "chroma", tool: "chroma", resources: res(2, 8, 40) }), ["chromadb"]],
      [onNode(cpu, { component: "vector_db", engine: "pgvector", tool: "pgvector", resources: res(2, 6, 60) }), ["postgresql"]],
      [onNode(cpu, { component: "other", engine: "loki", tool: "loki", resources: res(1, 2, 10) }), ["loki"]],
    ];
    return build(deps, [cpu]);
  };

  it("Prometheus, Kubeflow Pipelines, Chroma, pgvector and Loki on one CPU node: each deployment has a file with its component, all valid", () => {
    const { plan, byName } = stack();
    expectSound(plan);
    const files = plan.artifacts!;
    for (const d of plan.deployments!) expect(files.some((a) => a.component === d.component && a.filename.startsWith(d.component.replace(/_/g, "-"))), d.tool!).toBe(true);
    expect(byName.get("monitoring-kube-prometheus-stack-values.yaml")!.component).toBe("monitoring");
    expect(byName.get("pipelines-kubeflow-install.sh")).toMatchObject({ component: "pipelines", kind: "shell" });
    expect(byName.get("vector-db-chromadb-values.yaml")!.component).toBe("vector_db");
    expect(byName.get("vector-db-pgvector-postgresql-values.yaml")!.component).toBe("vector_db");
  });

  it("kube-prometheus-stack: Prometheus gets the plan's resources, storage and node pool, 15 d retention; Grafana and Alertmanager pinned too", () => {
    const { byName } = stack();
    const f = byName.get("monitoring-kube-prometheus-stack-values.yaml")!;
    const spec = parse(f.content).prometheus.prometheusSpec;
    expect(spec.resources).toEqual({ requests: { cpu: "2", memory: "4G" }, limits: { memory: "4G" } });
    expect(spec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage).toBe("30Gi");
    expect(spec.retention).toBe("15d");
    expect(spec.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(spec.serviceMonitorSelectorNilUsesHelmValues).toBe(false);
    const v = parse(f.content);
    expect(v.grafana.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(v.alertmanager.alertmanagerSpec.nodeSelector).toEqual(cpuSelector(CPU_16));
    expect(f.content).toMatch(/^# Keys checked against prometheus-community\/helm-charts/);
    expect(f.content).toContain("dcgmExporter.serviceMonitor.enabled");
  });

  it("Chroma and pgvector: resources and volumes from the plan; pgvector creates the extension at first boot", () => {
    const { byName } = stack();
    const ch = parse(byName.get("vector-db-chromadb-values.yaml")!.content);
    expect(ch).toMatchObject({ resources: { requests: { cpu: "2", memory: "8G" } }, chromadb: { isPersistent: true, dataVolumeSize: "40Gi" }, nodeSelector: cpuSelector(CPU_16) });
    const pg = parse(byName.get("vector-db-pgvector-postgresql-values.yaml")!.content).primary;
    expect(pg.resources).toEqual({ requests: { cpu: "2", memory: "6G" }, limits: { memory: "6G" } });
    expect(pg.persistence).toEqual({ enabled: true, size: "60Gi" });
    expect(Object.values(pg.initdb.scripts).join("\n")).toContain("CREATE EXTENSION IF NOT EXISTS vector;");
    expect(pg.nodeSelector).toEqual(cpuSelector(CPU_16));
  });

  it("Argo Workflows: controller and server sized from the plan and pinned; unsized, the small-service default; no YAML aliases", () => {
    const node = stackNode("cpu", CPU_8, 1, ["pipelines"]);
    const sized = build([[onNode(node, { component: "pipelines", engine: "argo", tool: "argo", resources: res(2, 4, 0) }), ["argo-workflows"]]], [node]);
    expectSound(sized.plan);
    const f = sized.byName.get("pipelines-argo-workflows-values.yaml")!;
    const v = parse(f.content);
    expect(v.controller).toEqual({ resources: { requests: { cpu: "2", memory: "4G" }, limits: { memory: "4G" } }, nodeSelector: cpuSelector(CPU_8) });
    expect(v.server.resources).toEqual(v.controller.resources);
    const unsized = build([[onNode(node, { component: "pipelines", engine: "argo", tool: "argo" }), ["argo-workflows"]]], [node]);
    expectSound(unsized.plan);
    const u = unsized.byName.get("pipelines-argo-workflows-values.yaml")!.content;
    expect(parse(u).server.resources.requests).toEqual({ cpu: "1", memory: "2Gi" });
    for (const content of [f.content, u, stack().byName.get("monitoring-kube-prometheus-stack-values.yaml")!.content]) expect(content).not.toMatch(/[&*]a\d/);
  });

  it("plain PostgreSQL gets no pgvector init script", () => {
    const node = stackNode("cpu", CPU_8, 1, ["other"]);
    const { plan, byName } = build([[onNode(node, { component: "other", engine: "postgres", tool: "postgres", resources: res(2, 4, 20) }), ["postgresql"]]], [node]);
    expectSound(plan);
    const pg = parse(byName.get("other-postgresql-values.yaml")!.content).primary;
    expect(pg.initdb).toBeUndefined();
    expect(pg.persistence.size).toBe("20Gi");
  });

  it("Kubeflow Pipelines: the standalone kustomize install, run by install.sh after the platforms before it", () => {
    const { byName, install } = stack();
    const kfp = byName.get("pipelines-kubeflow-install.sh")!.content;
    const lines = kfp.split("\n");
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^export PIPELINE_VERSION=\d+\.\d+\.\d+$/)).toBeGreaterThan(0);
    expect(at(/^kubectl apply -k "github.com\/kubeflow\/pipelines\/manifests\/kustomize\/cluster-scoped-resources\?ref=\$PIPELINE_VERSION"$/)).toBeGreaterThan(at(/^export PIPELINE_VERSION/));
    expect(at(/^kubectl wait --for condition=established --timeout=60s crd\/applications.app.k8s.io$/)).toBeGreaterThan(at(/cluster-scoped-resources/));
    expect(at(/^kubectl apply -k ".*\/env\/platform-agnostic\?ref=\$PIPELINE_VERSION"$/)).toBeGreaterThan(at(/^kubectl wait/));
    expect(kfp).toContain("4 vCPU, 8 GB memory, 20 GB storage");
    expect(install.indexOf("bash pipelines-kubeflow-install.sh")).toBeGreaterThan(install.indexOf("-f monitoring-kube-prometheus-stack-values.yaml"));
    expect(install.indexOf("bash pipelines-kubeflow-install.sh")).toBeLessThan(install.indexOf("-f vector-db-chromadb-values.yaml"));
  });

  it("a chart with no verified keys (Loki): a values file of its defaults whose comment carries the plan's sizing; install.sh uses it", () => {
    const { byName, install } = stack();
    const f = byName.get("other-loki-values.yaml")!;
    expect(f.component).toBe("other");
    expect(parse(f.content)).toEqual({});
    expect(f.content).toMatch(/^# grafana\/loki 7\.3\.0 is installed with its defaults/);
    expect(f.content).toContain("1 vCPU, 2 GB memory, 10 GB storage");
    expect(f.content).toContain("node.kubernetes.io/instance-type=c7i.4xlarge");
    expect(install).toContain("-f other-loki-values.yaml");
  });

  it("a tool with no chart at all gets a script saying so, with its sizing", () => {
    const node = stackNode("cpu", CPU_8, 1, ["other"]);
    const { plan, byName, install } = build([[onNode(node, { component: "other", engine: "feast", tool: "feast", resources: res(2, 4, 0) }), []]], [node]);
    expectSound(plan);
    const s = byName.get("other-feast-install.sh")!.content;
    expect(s).toContain("no Helm chart was found");
    expect(s).toContain("2 vCPU, 4 GB memory per replica");
    expect(install).toContain("bash other-feast-install.sh");
  });

  it("the verified keys catch a misspelled key in each not-vendored chart", () => {
    expect(helmValuesErrors("kube-prometheus-stack", { prometheus: { prometheusSpec: { retension: "15d" } } }).join()).toMatch(/retension/);
    expect(helmValuesErrors("kube-prometheus-stack", { grafana: { resource: {} } }).join()).toMatch(/resource/);
    expect(helmValuesErrors("chromadb", { chromadb: { dataVolumeSise: "1Gi" } }).join()).toMatch(/dataVolumeSise/);
    expect(helmValuesErrors("postgresql", { primary: { persistance: { size: "1Gi" } } }).join()).toMatch(/persistance/);
    expect(helmValuesErrors("argo-workflows", { controler: { resources: {} } }).join()).toMatch(/controler/);
    expect(helmValuesErrors("postgresql", { primary: { persistence: { size: "1Gi" }, initdb: { scripts: { "a.sql": "x" } } } })).toEqual([]);
  });
});
