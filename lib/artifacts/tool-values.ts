/**
 * Helm values for the platform and tool charts whose upstream values.yaml is not vendored
 * (kube-prometheus-stack, argo-workflows, chromadb, bitnami/postgresql): the plan's per-replica
 * resources (deployments[].resources), its storage on the chart's persistence, and the node pool
 * it runs on — only with keys read from the upstream values.yaml and recorded, with the file and
 * commit they were read from, in catalog/k8s-values/verified-keys.json (the tests key-check every
 * file against it). Charts with no verified keys get a values file that only says so (fallbackNote).
 */
import type { ChartRef, DeploymentContext } from "./context";
import { serviceResources, serviceStorage } from "./resources";

type Values = Record<string, unknown>;

/**
 * Prometheus keeps 15 days: the retention lib/sizing/platform.ts sized its disk for (sizePrometheus,
 * "15 d retention (Prometheus default)"); kube-prometheus-stack's own default is 10d.
 */
export const PROMETHEUS_RETENTION = "15d";

/**
 * Grafana's pod: 1 vCPU, 1 GB — the auxiliary service lib/sizing/platform.ts sizes next to Prometheus
 * (Grafana install docs: minimum recommended 512 MB and 1 CPU, rounded up to whole GB).
 */
export const GRAFANA_POD = { requests: { cpu: "1", memory: "1G" }, limits: { memory: "1G" } } as const;

/** The pgvector extension, created once in the database at first boot (pgvector README: `CREATE EXTENSION vector;`). */
export const PGVECTOR_INIT = { "pgvector.sql": "CREATE EXTENSION IF NOT EXISTS vector;\n" } as const;

/**
 * kube-prometheus-stack: the plan's resources and storage are the Prometheus server's (what
 * sizePrometheus sizes: series × RAM per series, retention × samples × bytes); Grafana gets its own
 * sizing; Alertmanager is only pinned to the pool (the plan does not size it). Prometheus selects every
 * ServiceMonitor in the cluster (`serviceMonitorSelectorNilUsesHelmValues: false`), so the GPU
 * Operator's dcgm-exporter ServiceMonitor is scraped too.
 */
export function kubePrometheusStackValues(c: DeploymentContext): Values {
  return {
    prometheus: {
      prometheusSpec: {
        resources: serviceResources(c),
        retention: PROMETHEUS_RETENTION,
        storageSpec: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: serviceStorage(c, 50) } } } } },
        nodeSelector: c.nodeSelector,
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
      },
    },
    // Copies, not one shared object: the YAML writer would turn a shared object into an anchor and aliases.
    alertmanager: { alertmanagerSpec: { nodeSelector: { ...c.nodeSelector } } },
    grafana: { resources: GRAFANA_POD, nodeSelector: { ...c.nodeSelector } },
  };
}

/** The DCGM exporter note written at the top of the kube-prometheus-stack values. */
export const DCGM_NOTE =
  "GPU metrics: the NVIDIA GPU Operator runs dcgm-exporter with a ServiceMonitor when dcgmExporter.serviceMonitor.enabled is true (its values.yaml); " +
  "serviceMonitorSelectorNilUsesHelmValues: false below lets this Prometheus scrape it.";

/** Argo Workflows: the controller and the server sized and pinned to the pool; workflow pods stay as each workflow asks. */
export function argoWorkflowsValues(c: DeploymentContext): Values {
  return {
    controller: { resources: structuredClone(serviceResources(c)), nodeSelector: { ...c.nodeSelector } },
    server: { resources: structuredClone(serviceResources(c)), nodeSelector: { ...c.nodeSelector } },
  };
}

/** Chroma (amikos-tech/chromadb-chart): the server's resources, its data volume (`chromadb.dataVolumeSize`) and the pool. */
export function chromadbValues(c: DeploymentContext): Values {
  return {
    resources: serviceResources(c),
    nodeSelector: c.nodeSelector,
    chromadb: { isPersistent: true, dataVolumeSize: serviceStorage(c, 50) },
  };
}

/** Bitnami PostgreSQL (one primary): sized, on the pool, its data volume; with pgvector enabled at first boot for a pgvector deployment. */
export function postgresqlValues(c: DeploymentContext): Values {
  const primary: Values = {
    resources: serviceResources(c),
    nodeSelector: c.nodeSelector,
    persistence: { enabled: true, size: serviceStorage(c, 20) },
  };
  if (c.d.tool === "pgvector" || c.d.engine === "pgvector") primary.initdb = { scripts: { ...PGVECTOR_INIT } };
  return { primary };
}

/** What a tool's values file says besides the keys' source (the GPU metrics scrape; pgvector's image caveat). */
export function toolNote(chart: string, c: DeploymentContext): string | null {
  if (chart === "kube-prometheus-stack") return DCGM_NOTE;
  if (chart === "postgresql" && (c.d.tool === "pgvector" || c.d.engine === "pgvector")) {
    return (
      "pgvector: primary.initdb.scripts runs CREATE EXTENSION at first boot; the image must ship the extension (Bitnami said in 2023 it was not included by default, " +
      "bitnami/containers#32677): check with SELECT name FROM pg_available_extensions WHERE name = 'vector', else set image.repository to an image that has it."
    );
  }
  return null;
}

export const TOOL_VALUES: Record<string, (c: DeploymentContext) => Values> = {
  "kube-prometheus-stack": kubePrometheusStackValues,
  "argo-workflows": argoWorkflowsValues,
  chromadb: chromadbValues,
  postgresql: postgresqlValues,
};

/** Charts with nothing to set: CRDs and cert-manager, installed as prerequisites. */
export const NOTHING_TO_SET = new Set(["cert-manager", "kserve-crd"]);

/**
 * The comment of a values file for a chart with no verified keys: it is installed with its defaults,
 * and the plan's sizing is written out so the user can set the chart's own keys.
 */
export function fallbackNote(chart: ChartRef, c: DeploymentContext): string {
  const r = c.resources;
  const sized = r
    ? `The plan sized one replica at ${r.vcpus} vCPU, ${r.memory_gb} GB memory${r.storage_gb > 0 ? `, ${r.storage_gb} GB storage` : ""}${r.gpus > 0 ? `, ${r.gpus} GPU` : ""}`
    : "The plan did not size it";
  const where = c.instance ? ` on ${c.instance.instance_type}${Object.keys(c.nodeSelector).length ? ` (node label ${Object.entries(c.nodeSelector).map(([k, v]) => `${k}=${v}`).join(", ")})` : ""}` : "";
  return (
    `${chart.repository}/${chart.name} ${chart.version} is installed with its defaults: no value keys of this chart were checked against its upstream values.yaml, so none are set here.\n` +
    ` ${sized}${where}, ${c.d.replicas} replica(s): set the chart's own resources, persistence and nodeSelector keys to these figures (helm show values ${chart.repository}/${chart.name}).`
  );
}
