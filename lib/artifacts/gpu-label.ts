/**
 * The `nvidia.com/gpu.product` node label that NVIDIA GPU Feature Discovery (part of the GPU
 * Operator) sets, for the catalog's GPU names. GFD writes the product name the driver reports with
 * spaces replaced by dashes (e.g. "NVIDIA A100-SXM4-80GB" → `NVIDIA-A100-SXM4-80GB`).
 */
const PRODUCTS: Record<string, string> = {
  "A100": "NVIDIA-A100-SXM4-40GB",
  "A100-80GB": "NVIDIA-A100-SXM4-80GB",
  "H100": "NVIDIA-H100-80GB-HBM3",
  "H100-MEGA": "NVIDIA-H100-80GB-HBM3",
  "H200": "NVIDIA-H200",
  "B200": "NVIDIA-B200",
  "GH200": "NVIDIA-GH200-480GB",
  "L4": "NVIDIA-L4",
  "L40": "NVIDIA-L40",
  "L40S": "NVIDIA-L40S",
  "A10": "NVIDIA-A10",
  "A10G": "NVIDIA-A10G",
  "A40": "NVIDIA-A40",
  "A30": "NVIDIA-A30",
  "T4": "Tesla-T4",
  "V100": "Tesla-V100-SXM2-16GB",
  "V100-32GB": "Tesla-V100-SXM2-32GB",
  "P100": "Tesla-P100-PCIE-16GB",
  "K80": "Tesla-K80",
  "RTX4090": "NVIDIA-GeForce-RTX-4090",
  "RTX3090": "NVIDIA-GeForce-RTX-3090",
  "RTXA6000": "NVIDIA-RTX-A6000",
  "RTX6000-Ada": "NVIDIA-RTX-6000-Ada-Generation",
};

/** The label value for a catalog GPU name; unknown names follow GFD's own rule ("NVIDIA-<name>"). */
export function gpuProductLabel(gpuModel: string): string {
  return PRODUCTS[gpuModel] ?? `NVIDIA-${gpuModel.replace(/[^A-Za-z0-9._-]+/g, "-")}`;
}
