/**
 * NVIDIA GPU Operator values for the plan's GPU sharing (see gpu-sharing.ts): time-slicing points the
 * device plugin at the ConfigMap install.sh applies first (`devicePlugin.config.name`, with its key as
 * `devicePlugin.config.default` so every GPU node uses it); MIG sets `mig.strategy: single` and lets
 * the MIG manager reboot the node to apply the layout (`WITH_REBOOT`, which NVIDIA's MIG guide asks for on
 * cloud instances). Keys checked against the chart's values.yaml (catalog/k8s-values/nvidia/gpu-operator).
 */
import type { DeploymentContext } from "./context";
import { TIME_SLICING_CONFIG } from "./gpu-sharing";

export function gpuOperatorValues(c: DeploymentContext): Record<string, unknown> | null {
  const s = c.sharing;
  if (!s) return null;
  if (s.mode === "time_slicing") return { devicePlugin: { config: { name: TIME_SLICING_CONFIG.name, default: TIME_SLICING_CONFIG.key } } };
  return { mig: { strategy: "single" }, migManager: { env: [{ name: "WITH_REBOOT", value: "true" }] } };
}
