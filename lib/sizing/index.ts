/** Deterministic memory sizing: see estimate.ts (entry point) and anchors.md §A3 for the formulas. */
export { checkpointPrecision, estimateMemory, resolveArchitecture, sizingInputFromSpec, type CheckpointPrecision } from "./estimate";
export {
  ARCHITECTURES,
  embeddingParamsB,
  fallbackArchitecture,
  findArchitecture,
  kvBytesPerToken,
  normalizeModelName,
  parseParamsFromName,
  precisionFromName,
  type Architecture,
  type ArchitectureMatch,
} from "./architectures";
export { findMeasured, MEASURED_MODELS, measuredSizing, type MeasuredFigure, type MeasuredMatch, type MeasuredModel } from "./measured";
export {
  DEFAULT_GPU_SIZES_GB,
  DEFAULT_TP_SIZES,
  fitTable,
  gpusNeeded,
  minTotalGpuMemoryGb,
  perGpuMemoryGb,
  type GpuFitOptions,
} from "./gpu-fit";
export { CUDA_CONTEXT_GB, GIB_IN_GB, nominalGbFor, rawGpuMemoryGb, usableGpuMemoryGb } from "./usable-memory";
export { maxContextThatFits, maxParamsForMemory, type MaxContextResult, type MaxParamsOptions } from "./capacity";
export { loraParams } from "./llm-training";
export {
  DEFAULT_MAX_UTILIZATION,
  SizingInputError,
  type FineTuneMethod,
  type Modality,
  type Precision,
  type Sizing,
  type SizingInput,
  type Task,
} from "./types";
export { layoutOn, validTensorParallelSizes, type InstanceShape, type Layout, type LayoutKind } from "./parallelism";
export {
  normalizeTool,
  platformKindOf,
  PLATFORM_TOOLS,
  sizePlatformService,
  type PlatformKind,
  type PlatformLoad,
  type ServiceComponent,
  type ServiceDatabase,
  type ServiceSizing,
} from "./platform";
export { CHUNK_BYTES, DEFAULT_VECTOR_DIM } from "./platform-vector";
export {
  cpuServingReasonable,
  cpuServingSize,
  CPU_TARGET_UTILIZATION,
  MAX_VCPUS_PER_REPLICA,
  SUSTAINED_GFLOPS_PER_VCPU,
  type CpuServingInput,
  type CpuServingKind,
  type CpuServingSizing,
  type CpuServingVerdict,
} from "./cpu-serving";
export {
  DEV_PURPOSE_DEFAULTS,
  devEnvironmentSizing,
  IDLE_CULL_EVERY_S,
  IDLE_CULL_TIMEOUT_S,
  nodesFor,
  type DevEnvironmentInput,
  type DevEnvironmentSizing,
  type PerUser,
} from "./dev-profiles";
export {
  DECODE_BANDWIDTH_EFFICIENCY,
  DEFAULT_TARGET_TOKENS_PER_S,
  DEFAULT_TARGET_TTFT_MS,
  FAST_TARGET,
  estimateThroughput,
  PREFILL_MFU,
  ThroughputInputError,
  TP_EFFICIENCY,
  type BindingConstraint,
  type DevicePerf,
  type ThroughputEstimate,
  type ThroughputInput,
} from "./throughput";
export { defaultMfu, estimateJob, JobInputError, type JobEstimate, type JobInput } from "./job";
