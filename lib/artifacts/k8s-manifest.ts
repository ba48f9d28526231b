/**
 * Plain Kubernetes manifests for runtimes without a chart: text-embeddings-inference as a
 * Deployment + Service + PVC, and KServe's InferenceService for the models KServe serves. Built
 * with kubernetes-models and checked with its validate() before they are written.
 */
import { Deployment } from "kubernetes-models/apps/v1";
import { Container, PersistentVolumeClaim, Service } from "kubernetes-models/v1";
import type { DeploymentContext } from "./context";
import { NAMESPACE, k8sName } from "./context";
import { KSERVE_HF_IMAGE, TEI_PORT, engineEndpoint, teiImage } from "./engine-command";
import { GPU_TOLERATIONS, gpuNodeSelector, gpuResources, hfTokenEnv, httpProbes } from "./pod-parts";

const MODEL_DIR = "/data";

/**
 * text-embeddings-inference: Deployment, ClusterIP Service and — for one replica — a PVC for the model
 * cache. Several replicas each download the model into an emptyDir instead (a ReadWriteOnce volume is
 * mounted by one node at a time). On a CPU: the CPU image, no GPU request or toleration, pinned to the
 * CPU node's instance type.
 */
export function teiManifests(c: DeploymentContext): object[] {
  const name = k8sName(c.d.component, "tei");
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": c.d.component };
  const image = teiImage(c.d.engine_image, c.gpuLimit);
  const shared = c.d.replicas > 1;
  const pvc = shared
    ? null
    : new PersistentVolumeClaim({
        metadata: { name: `${name}-models`, namespace: NAMESPACE, labels },
        spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${c.modelStorageGi}Gi` } } },
      });
  const deployment = new Deployment({
    metadata: { name, namespace: NAMESPACE, labels },
    spec: {
      replicas: c.d.replicas,
      strategy: shared ? { type: "RollingUpdate" } : { type: "Recreate" }, // the ReadWriteOnce PVC is mounted by one pod at a time
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          nodeSelector: gpuNodeSelector(c),
          tolerations: c.gpuLimit > 0 ? GPU_TOLERATIONS : undefined,
          containers: [
            {
              name: "tei",
              image,
              args: ["--model-id", c.d.model_id ?? "", "--port", String(TEI_PORT)],
              env: [{ name: "HUGGINGFACE_HUB_CACHE", value: MODEL_DIR }, ...hfTokenEnv(c)],
              ports: [{ name: "http", containerPort: TEI_PORT }],
              resources: gpuResources(c),
              volumeMounts: [{ name: "models", mountPath: MODEL_DIR }],
              ...httpProbes(TEI_PORT, "/health"),
            },
          ],
          volumes: [
            shared
              ? { name: "models", emptyDir: { sizeLimit: `${c.modelStorageGi}Gi` } }
              : { name: "models", persistentVolumeClaim: { claimName: `${name}-models` } },
          ],
        },
      },
    },
  });
  const service = new Service({
    metadata: { name, namespace: NAMESPACE, labels },
    spec: { selector: labels, ports: [{ name: "http", port: 80, targetPort: TEI_PORT }] },
  });
  const objects = [...(pvc ? [pvc] : []), deployment, service];
  for (const o of objects) o.validate();
  return objects.map((o) => o.toJSON() as object);
}

/**
 * A KServe v1beta1 InferenceService running the model with KServe's Hugging Face runtime
 * (`hf://` storage). kubernetes-models has no KServe types, so the predictor container is
 * validated as a core v1 Container.
 */
export function inferenceServiceManifest(c: DeploymentContext, kserveVersion: string | null): object {
  const name = k8sName(c.d.component, c.d.model_id?.split("/").pop() ?? "model");
  const { port, health } = engineEndpoint(c.d.engine);
  const container = new Container({
    name: "kserve-container",
    image: `${KSERVE_HF_IMAGE}:${kserveVersion ?? "latest"}`,
    args: [`--model_name=${name}`, `--model_id=${c.d.model_id ?? ""}`, `--http_port=${port}`],
    env: hfTokenEnv(c),
    resources: gpuResources(c),
    ...httpProbes(port, health),
  });
  container.validate();
  const { name: _n, ...predictorContainer } = container.toJSON() as Record<string, unknown>;
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name, namespace: NAMESPACE, annotations: { "serving.kserve.io/deploymentMode": "RawDeployment" } },
    spec: {
      predictor: {
        minReplicas: c.d.replicas,
        ...(gpuNodeSelector(c) ? { nodeSelector: gpuNodeSelector(c) } : {}),
        ...(c.gpuLimit > 0 ? { tolerations: GPU_TOLERATIONS } : {}),
        model: { modelFormat: { name: "huggingface" }, storageUri: `hf://${c.d.model_id ?? ""}`, ...predictorContainer },
      },
    },
  };
}
