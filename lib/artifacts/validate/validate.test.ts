import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { helmMerge } from "./helm-schema";
import { helmValuesErrors, shellErrors } from "./index";
import { k8sObjectErrors } from "./k8s";
import { keyPathErrors } from "./key-paths";
import { chartReference, K8S_VALUES_DIR } from "./reference";
import { validateSkypilotTask } from "./skypilot";

const EXAMPLES = path.join(K8S_VALUES_DIR, "skypilot", "examples");
const example = (f: string) => parse(readFileSync(path.join(EXAMPLES, f), "utf8"));

describe("SkyPilot task validation (upstream schemas + custom keywords)", () => {
  it("the three upstream example tasks pass", () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml"));
    expect(files).toHaveLength(3);
    for (const f of files) expect(validateSkypilotTask(example(f)), f).toEqual([]);
  });

  it("a misspelled resources key, a misspelled task key, a wrong type and an unknown cloud fail", () => {
    const base = example("vllm.sky.yaml");
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, acclerators: "H100:8" } }).join()).toMatch(/acclerators/);
    expect(validateSkypilotTask({ ...base, setpu: "pip install vllm" }).join()).toMatch(/setpu/);
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, use_spot: "yes" } }).join()).toMatch(/use_spot/);
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, cloud: "ovhcloud" } }).join()).toMatch(/cloud/);
    // case_insensitive_enum: SkyPilot accepts "AWS".
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, cloud: "AWS" } })).toEqual([]);
  });

  it("the infra pattern (Python scoped flags) is applied, not dropped", () => {
    const base = example("vllm.sky.yaml");
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, infra: "AWS/us-east-1" } })).toEqual([]);
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, infra: "k8s/my-context" } })).toEqual([]);
    expect(validateSkypilotTask({ ...base, resources: { ...base.resources, infra: "ovhcloud/gra" } }).join()).toMatch(/infra/);
  });
});

describe("Helm values against the upstream charts", () => {
  it("each chart's own defaults are valid; the schema draft is the one declared", () => {
    for (const chart of ["vllm-stack", "jupyterhub", "mlflow", "qdrant", "milvus", "weaviate", "ollama", "ray-cluster", "gpu-operator"]) expect(helmValuesErrors(chart, {}), chart).toEqual([]);
    expect(String(chartReference("vllm-stack")!.schema!.$schema)).toContain("2020-12");
    expect(String(chartReference("jupyterhub")!.schema!.$schema)).toContain("draft-07");
  });

  it("an unknown key in a closed object fails (JupyterHub and MLflow top level)", () => {
    expect(helmValuesErrors("jupyterhub", { singleusr: { cpu: { limit: 2 } } }).join()).toMatch(/singleusr/);
    expect(helmValuesErrors("mlflow", { resorces: {} }).join()).toMatch(/resorces/);
    expect(helmValuesErrors("jupyterhub", { singleuser: { cpu: { limits: 2 } } }).join()).toMatch(/limits/);
  });

  it("MLflow's bundled PostgreSQL and extraDeploy, and the GPU Operator's MIG keys are real; a wrong type fails", () => {
    expect(helmValuesErrors("mlflow", { postgresql: { enabled: true }, backendStore: { databaseMigration: true }, extraDeploy: [{ kind: "PersistentVolumeClaim" }] })).toEqual([]);
    expect(helmValuesErrors("mlflow", { postgresql: { enabled: "yes" } }).join()).toMatch(/enabled/);
    expect(helmValuesErrors("mlflow", { backendStore: { postgress: {} } }).join()).toMatch(/postgress/);
    expect(helmValuesErrors("gpu-operator", { mig: { strategy: "single" }, migManager: { env: [{ name: "WITH_REBOOT", value: "true" }] } })).toEqual([]);
    expect(helmValuesErrors("gpu-operator", { mig: { strategy: { single: true } } }).join()).toMatch(/mig\/strategy/);
  });

  it("a wrong scalar type fails (schema and key-path charts)", () => {
    expect(helmValuesErrors("vllm-stack", { servingEngineSpec: { modelSpec: [{ name: "m", vllmConfig: { tensorParallelSize: "two" } }] } }).join()).toMatch(/tensorParallelSize|integer/);
    expect(helmValuesErrors("jupyterhub", { singleuser: { cpu: { limit: "lots" } } }).join()).toMatch(/cpu\/limit/);
    expect(helmValuesErrors("qdrant", { replicaCount: "many" }).join()).toMatch(/replicaCount: string where the chart has number/);
    expect(helmValuesErrors("ollama", { ollama: { gpu: { enabled: "yes" } } }).join()).toMatch(/enabled/);
  });

  it("a misspelled key in a chart with no schema fails (Qdrant); free-form maps accept any keys", () => {
    expect(chartReference("qdrant")!.schema).toBeNull();
    expect(helmValuesErrors("qdrant", { persistance: { size: "10Gi" } }).join()).toMatch(/persistance/);
    expect(helmValuesErrors("qdrant", { persistence: { sise: "10Gi" } }).join()).toMatch(/sise/);
    expect(helmValuesErrors("qdrant", { nodeSelector: { "nvidia.com/gpu.product": "NVIDIA-L4" }, resources: { limits: { cpu: "2" } } })).toEqual([]);
  });

  it("helm merge: maps merge, lists replace, null deletes", () => {
    expect(helmMerge({ a: { b: 1, c: 2 }, l: [1, 2], d: 1 }, { a: { c: 3 }, l: [9], d: null })).toEqual({ a: { b: 1, c: 3 }, l: [9] });
  });

  it("key paths: a map where the chart has a scalar fails", () => {
    expect(keyPathErrors({ replicaCount: { n: 1 } }, { replicaCount: 1 })).toEqual(["/replicaCount: map where the chart has number"]);
  });
});

describe("Kubernetes objects and shell", () => {
  it("kubernetes-models rejects a Job without a template and a container with a wrong type", () => {
    expect(k8sObjectErrors({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "x" }, spec: {} }).join()).toMatch(/template/);
    expect(k8sObjectErrors({ apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", spec: { predictor: { model: { modelFormat: { name: "huggingface" }, args: "x" } } } }).join()).toMatch(/args/);
    expect(k8sObjectErrors({ apiVersion: "v9", kind: "Nope" }).join()).toMatch(/unknown kind/);
    expect(k8sObjectErrors({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { any: "version: v1" } })).toEqual([]);
    expect(k8sObjectErrors({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { any: { version: "v1" } } }).join()).toMatch(/data/);
  });

  it("bash -n rejects a broken script", () => {
    expect(shellErrors("echo ok\n")).toEqual([]);
    expect(shellErrors("if true; then echo\n")).not.toEqual([]);
  });
});

describe("reference snapshots", () => {
  it("snapshots.json records the Chart.yaml version of every vendored chart the values are written for; the rest have verified keys", async () => {
    const { CHART_SNAPSHOTS, VERIFIED_KEYS } = await import("../chart-snapshots");
    const { CHARTS_WITH_VALUES } = await import("../helm-values");
    for (const chart of CHARTS_WITH_VALUES) {
      if (!CHART_SNAPSHOTS[chart]) {
        expect(VERIFIED_KEYS[chart], chart).toBeDefined();
        expect(VERIFIED_KEYS[chart].commit, chart).toMatch(/^[0-9a-f]{40}$/);
        expect(chartReference(chart)!.defaults).toBe(VERIFIED_KEYS[chart].keys);
        continue;
      }
      expect(CHART_SNAPSHOTS[chart], chart).toBeDefined();
      expect(chartReference(chart)!.version).toBe(CHART_SNAPSHOTS[chart].chart_version);
      expect(!!chartReference(chart)!.schema).toBe(CHART_SNAPSHOTS[chart].schema);
    }
  });
});
