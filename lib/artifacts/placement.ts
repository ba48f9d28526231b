/** Where a deployment runs: its node pool and instance, and the node labels that pin pods there. */
import type { Deployment, DeploymentPlan, InstanceOption, StackNode } from "@/lib/schemas/plan";

/** Node labels the files select on. */
export const GPU_PRODUCT_LABEL = "nvidia.com/gpu.product"; // set by GPU Feature Discovery (see gpu-label.ts)
/**
 * The kubelet sets this well-known label from the cloud provider's instance type ("Well-Known Labels,
 * Annotations and Taints", kubernetes.io/docs/reference/labels-annotations-taints/#nodekubernetesioinstance-type).
 */
export const INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";

/** The instance a deployment runs on: its node's (deployments[].node → nodes[].id), else compute[0] or a node matching its instance. */
export function deploymentInstance(plan: DeploymentPlan, d: Deployment): { node: StackNode | null; instance: InstanceOption | null } {
  const nodes = plan.nodes ?? [];
  const byId = d.node ? nodes.find((n) => n.id === d.node) : undefined;
  if (byId) return { node: byId, instance: byId.instance };
  if (!d.instance) return { node: null, instance: null };
  const same = (i: InstanceOption) => i.instance_type === d.instance!.instance_type && i.provider === d.instance!.provider;
  const top = plan.compute[0];
  const byInstance = nodes.find((n) => same(n.instance)) ?? null;
  if (byInstance) return { node: byInstance, instance: byInstance.instance };
  return { node: null, instance: top && same(top) ? top : null };
}

