/**
 * GPU sizing engine: pure functions over (model architecture, precision, GPU, workload). No I/O, so the CLI
 * (`clearance size`) and the site's calculator run the same code. Method: docs/sizing.md.
 */
export { sizeDeployment, engineProfileFor, defaultLayoutKinds, ttftP99Ms, TPOT_P99_OVER_MEAN, gpuHourPrice, breakEvenOutputTokens, breakEvenAlwaysAbove, formatTokens, HOURS_PER_MONTH, DEFAULT_PEAK_FACTOR, DEFAULT_MAX_UTILIZATION, GPUS_PER_NODE } from './plan.ts';
export type { SizingRequest, SizingResult, Workload, ApiPrice, BreakEven, LayoutVerdict } from './plan.ts';
export { deploy, maxConcurrency, kvTokenCapacity, decodeStep, prefillTime, operatingPoint, batchLimit, largestBatchMeetingTpot, decodeAttentionFlops, prefillAttentionFlops } from './deployment.ts';
export type { GpuSpec, Deployment, DeploymentSpec, StepTime, PrefillTime, OperatingPoint } from './deployment.ts';
export { paramGroups, weightBytes, weightBytesRead, expertsTouched, computeParams } from './weights.ts';
export type { ParamGroups, WeightBytes } from './weights.ts';
export { kvLayout, kvBytesPerToken, kvBytesPerSequence, kvBytesReadPerStep, attentionLayers } from './kv-cache.ts';
export type { KvLayout, SparseKv } from './kv-cache.ts';
export { ENGINES, GIB, memoryBudget, driverMemoryGib } from './memory.ts';
export type { EngineId, EngineProfile, MemoryBudget } from './memory.ts';
export { candidateLayouts, tensorParallelProblems, layoutProblems, layoutLabel, layoutKind, LAYOUT_KINDS } from './parallelism.ts';
export type { Layout, LayoutKind } from './parallelism.ts';
export { SIZING_LIMITS, MAX_GPUS_PER_TIER, limitProblem, checkLimit } from './limits.ts';
export type { LimitName, Bound } from './limits.ts';
export { WEIGHT_PRECISIONS, WEIGHT_BITS, KV_PRECISIONS, KV_BYTES, bytesPerWeight, computeTflops } from './precision.ts';
export type { KvPrecision } from './precision.ts';
export { efficiencyFor, gpuFamily, PRIORS, GPU_FAMILIES } from './efficiency/factors.ts';
export type { EfficiencyFactors, EfficiencyEntry, GpuFamily, ModelKind } from './efficiency/factors.ts';
export { FITTED } from './efficiency/fitted.ts';
export { SizingError } from './errors.ts';
export { sizingJson, sizingText, type SizingJson } from './format.ts';
export { sizeRouterConfig, lookupModel, cheapestApiPrice } from './router.ts';
export type { RouterSizing, TierSizing, RouteSizing, RouterSizingOptions, ModelLookup, SizableModel } from './router.ts';
export { calculatorRequest, CALCULATOR_FIELDS, LOAD_UNITS, type CalculatorData, type CalculatorField, type CalculatorInput, type LoadUnit } from './calculator.ts';
export { compareGpus, type GpuComparisonRow } from './compare.ts';
