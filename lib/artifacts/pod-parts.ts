/** Pieces shared by the Deployment, InferenceService and Job builders: resources, node selection, the HF token reference. */
import type { IContainer, IEnvVar, IResourceRequirements, IToleration } from "kubernetes-models/v1";
import type { DeploymentContext } from "./context";
import { HF_SECRET } from "./context";
import { containerResources, cpuQuantity } from "./resources";

/** CPU and memory requests (memory also the limit), plus the GPUs when the deployment has any. */
export function gpuResources(c: DeploymentContext): IResourceRequirements {
  const { cpu, memory } = containerResources(c);
  const requests: Record<string, string> = { cpu: cpuQuantity(cpu), memory };
  const limits: Record<string, string> = { memory };
  if (c.gpuLimit > 0) {
    requests["nvidia.com/gpu"] = String(c.gpuLimit);
    limits["nvidia.com/gpu"] = String(c.gpuLimit);
  }
  return { requests, limits };
}

/** The node labels of the planned pool (GPU product, or a CPU node's instance type); undefined when the plan names none. */
export function gpuNodeSelector(c: DeploymentContext): Record<string, string> | undefined {
  return Object.keys(c.nodeSelector).length ? c.nodeSelector : undefined;
}

export const GPU_TOLERATIONS: IToleration[] = [{ key: "nvidia.com/gpu", operator: "Exists", effect: "NoSchedule" }];

/** HF_TOKEN from the Secret install.sh creates (gated models only); the value is never in a file. */
export function hfTokenEnv(c: DeploymentContext): IEnvVar[] {
  return c.gated ? [{ name: "HF_TOKEN", valueFrom: { secretKeyRef: { name: HF_SECRET.name, key: HF_SECRET.key } } }] : [];
}

export function httpProbes(port: number, path: string): Pick<IContainer, "readinessProbe" | "livenessProbe" | "startupProbe"> {
  return {
    startupProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: 120 }, // model download + load: up to 20 min
    readinessProbe: { httpGet: { path, port }, periodSeconds: 5, failureThreshold: 3 },
    livenessProbe: { httpGet: { path, port }, periodSeconds: 10, failureThreshold: 3 },
  };
}
