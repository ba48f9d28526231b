export { localCheck, type LocalCheckOptions } from "./local-check";
export { fitsLocally, summarizeCluster } from "./summarize";
export type { GpuRequirement, LocalClusterStatus, NodeGpuSummary } from "./types";
