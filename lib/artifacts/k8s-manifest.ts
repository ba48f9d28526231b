/**
 * Plain Kubernetes manifests for runtimes without a chart: text-embeddings-inference and llama.cpp
 * as a Deployment + Service (+ PVC), and KServe's InferenceService for the models KServe serves. Built
 * with kubernetes-models and checked with its validate() before they are written.
 */
import { Deployment } from "kubernetes-models/apps/v1";
import { Container, type IEnvVar, PersistentVolumeClaim, Service } from "kubernetes-models/v1";
import type { DeploymentContext } from "./context";
import { NAMESPACE, k8sName } from "./context";
import { KSERVE_HF_IMAGE, LLAMACPP_IMAGE, LLAMACPP_PORT, TEI_PORT, engineEndpoint, llamaCppArgs, teiImage } from "./engine-command";
import { GPU_TOLERATIONS, gpuNodeSelector, gpuResources, hfTokenEnv, httpProbes } from "./pod-parts";

const MODEL_DIR = "/data";

interface ServerSpec {
  /** Name stem of the objects (with the component). */
  server: string;
  image: string;
  args: string[];
  port: number;
  health: string;
  env: IEnvVar[];
}

/**
 * A model server without a chart as a Deployment, a ClusterIP Service on port 80 and — for one
 * replica — a PVC for the model cache. Several replicas each download the model into an emptyDir
 * instead (a ReadWriteOnce volume is mounted by one node at a time). On a CPU: no GPU request or
 * toleration, pinned to the CPU node's instance type.
 */
function serverManifests(c: DeploymentContext, s: ServerSpec): object[] {
  const name = k8sName(c.d.component, s.server);
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/component": c.d.component };
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
              name: s.server.replace(/[^a-z0-9-]/g, "-"),
              image: s.image,
              args: s.args,
              env: [...s.env, ...hfTokenEnv(c)],
              ports: [{ name: "http", containerPort: s.port }],
              resources: gpuResources(c),
              volumeMounts: [{ name: "models", mountPath: MODEL_DIR }],
              ...httpProbes(s.port, s.health),
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
    spec: { selector: labels, ports: [{ name: "http", port: 80, targetPort: s.port }] },
  });
  const objects = [...(pvc ? [pvc] : []), deployment, service];
  for (const o of objects) o.validate();
  return objects.map((o) => o.toJSON() as object);
}

/** text-embeddings-inference (the CPU build on a CPU), model cache on the volume. */
export function teiManifests(c: DeploymentContext): object[] {
  return serverManifests(c, {
    server: "tei",
    image: teiImage(c.d.engine_image, c.gpuLimit),
    args: ["--model-id", c.d.model_id ?? "", "--port", String(TEI_PORT)],
    port: TEI_PORT,
    health: "/health",
    env: [{ name: "HUGGINGFACE_HUB_CACHE", value: MODEL_DIR }],
  });
}

/** llama.cpp's `llama-server` with a GGUF from Hugging Face (a small LLM on a CPU, or on a GPU with every layer offloaded). */
export function llamaCppManifests(c: DeploymentContext): object[] {
  return serverManifests(c, {
    server: "llama-cpp",
    image: c.d.engine_image ?? (c.gpuLimit > 0 ? LLAMACPP_IMAGE.cuda : LLAMACPP_IMAGE.cpu),
    args: llamaCppArgs(c.d.model_id ?? "", c.gpuLimit),
    port: LLAMACPP_PORT,
    health: "/health",
    env: [{ name: "LLAMA_CACHE", value: MODEL_DIR }],
  });
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
