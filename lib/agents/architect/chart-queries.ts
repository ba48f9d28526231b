import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { ChartQuery } from "./types";

/** Chart searches for what the user asked for, then what the workload needs to run on Kubernetes. */
export function deriveChartQueries(spec: WorkloadSpec): ChartQuery[] {
  const out: ChartQuery[] = [];
  const add = (q: ChartQuery) => {
    if (!out.some((x) => x.query === q.query)) out.push(q);
  };
  for (const tool of spec.tools ?? []) {
    const t = tool.toLowerCase();
    add({ query: TOOL_QUERIES[t] ?? t, purpose: `you asked for ${tool}`, take: 2, expectName: new RegExp(escape(NAME_HINT[t] ?? t.split(/\s+/)[0]), "i") });
  }
  const task = spec.task ?? "inference";
  const modality = spec.modality ?? "llm";
  if (task === "inference" || task === "batch_processing") {
    if (modality === "llm" || modality === "multimodal") add({ query: "vllm", purpose: "serves the model (OpenAI-compatible API)", take: 2, expectName: /vllm/i });
    else add({ query: "kserve", purpose: "serves the model behind an autoscaled endpoint", take: 1, expectName: /kserve/i });
  }
  if (task === "training" || task === "fine_tuning") {
    add({ query: "kubeflow trainer", purpose: "runs distributed training jobs", take: 1, expectName: /trainer|training/i });
    add({ query: "kuberay operator", purpose: "Ray for distributed training and tuning", take: 1, expectName: /ray/i });
  }
  if (task === "development") add({ query: "jupyterhub", purpose: "notebooks for the team", take: 1, expectName: /jupyter/i });
  add({ query: "gpu-operator", purpose: "NVIDIA drivers, device plugin and GPU monitoring on the nodes", take: 1, expectName: /gpu-operator/i });
  add({ query: "kube-prometheus-stack", purpose: "metrics and dashboards (GPU utilisation via DCGM)", take: 1, expectName: /kube-prometheus-stack/i });
  return out;
}

const TOOL_QUERIES: Record<string, string> = {
  jupyter: "jupyterhub",
  ray: "kuberay",
  kubeflow: "kubeflow",
  prometheus: "kube-prometheus-stack",
  grafana: "grafana",
  "vector database": "qdrant",
  postgres: "postgresql",
  tgi: "text-generation-inference",
  "open webui": "open-webui",
  "label studio": "label-studio",
};

const NAME_HINT: Record<string, string> = {
  ray: "ray",
  jupyter: "jupyter",
  postgres: "postgres",
  prometheus: "prometheus",
  tgi: "text-generation",
  "open webui": "open-webui",
  "label studio": "label-studio",
};

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
