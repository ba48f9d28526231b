import { logicalGpuCount } from "@/lib/gpu/slices";
import { estimateMemory, layoutOn, minTotalGpuMemoryGb, sizingInputFromSpec, type Layout, type LayoutKind } from "@/lib/sizing";
import type { WorkloadSpec } from "@/lib/schemas/workload-spec";
import type { RequirementsExtras } from "@/lib/agents/requirements/types";
import { regionMatchesIntent } from "@/lib/agents/requirements/offline/regions";
import type { ComputeSearchResult } from "@/lib/tools/compute-search";
import type { InstanceOption, Sizing } from "@/lib/schemas/plan";
import { architectureOf, initialCheckpoint, servableVariants, specForCheckpoint, wantsQuantizedRepo, type Checkpoint } from "./checkpoint";
import { GPU_OPERATOR, planComponents, type ComponentPlan } from "./components";
import { deriveComputeQuery, hardwarePinned, hasRegionIntent, hourlyBudget, requiredComputeCapability, shards, sizeWorkload } from "./derive";
import type { ArchitectFacts, ArchitectStep, ArchitectTools, ChartQuery, FittedInstance } from "./types";
import { gatherWithoutGpuModel } from "./gather-platform";
import { chooseModels, findCharts, withLocalFit } from "./lookups";
import { withStack } from "./stack";
import { mergeSpotRows, onDemandView } from "./spot-prices";
import { rankForLoad, toPerformance } from "./speed";
import { isJob, jobOn, toJob } from "./job";

const MAX_COMPUTE = 10;

/**
 * Agent 2's tool phase, in order: local cluster check → compute search → Hugging Face search →
 * Kubernetes package search. One deployment is chosen here — the checkpoint, the instance and
 * its layout — and every later part of the plan is derived from it. Nothing here invents a number.
 */
export async function gatherFacts(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  assumptions: string[],
  tools: ArchitectTools,
  onStep: (step: ArchitectStep, message: string) => void = () => {},
): Promise<ArchitectFacts> {
  const { components, extraCharts, skippedStacks } = planComponents(spec);
  const primary = components[0];
  // Platforms and tools only, a team's notebooks, or a model on CPUs: no GPU model to lay out.
  if (!primary.runsModel || spec.cpu_only || primary.engine === "mlserver") return gatherWithoutGpuModel(spec, extras, assumptions, tools, { components, skippedStacks }, onStep);
  let checkpoint = initialCheckpoint(spec, extras, primary.runsModel);
  const planAssumptions = [...assumptions];

  // A quantized precision asked for a 16-bit repo: deploy the official quantized repo instead.
  if (wantsQuantizedRepo(spec, checkpoint) && tools.quantizedVariants) {
    const v = servableVariants(await tools.quantizedVariants(checkpoint.modelId!), spec.precision)[0];
    if (v) checkpoint = { modelId: v.id, precision: v.precision, quantization: v.quantization, reason: "quantized_precision", baseId: checkpoint.modelId! };
  }
  let sizedSpec = specForCheckpoint(spec, checkpoint);
  let sizing = sizeWorkload(sizedSpec, extras);

  onStep("local_check", "Checking the local Kubernetes cluster");
  const local = withLocalFit(await tools.localCheck({}), sizing);

  onStep("compute_search", `Searching cloud instances for ≥ ${minTotalGpuMemoryGb(sizing).toFixed(0)} GB of GPU memory`);
  const kind = layoutKind(spec, primary);
  const fitter = (s: WorkloadSpec, sz: Sizing) => fitOn(sz, kind, architectureOf(s), s.gpu?.count);
  const search = (s: WorkloadSpec, sz: Sizing, opts: { budgetCap: boolean; floors?: boolean; pins?: boolean }) =>
    searchFitted(tools, deriveComputeQuery(s, extras, sz, opts), extras, fitter(s, sz));
  let compute = await search(sizedSpec, sizing, { budgetCap: true });
  // "Spot is fine": spot offers within the budget count too, ranked by what the user pays.
  if (spec.spot_ok) compute = await withSpotRows(compute, tools, { ...deriveComputeQuery(sizedSpec, extras, sizing, { budgetCap: true }), spot: true }, extras, fitter(sizedSpec, sizing));
  const pinned = hardwarePinned(spec, extras);
  const budgeted = hourlyBudget(spec.budget_monthly_usd) !== undefined;
  let overBudget: ComputeSearchResult | null = null;
  let quantizedAlternative: ArchitectFacts["quantizedAlternative"] = null;
  let cheapestFit: FittedInstance | null = null;
  let fits = compute.fitted.length > 0;

  if (!fits && (budgeted || pinned)) {
    // Only a quantized checkpoint fits the budget or the pinned GPUs: deploy the smallest official one that does.
    const swap = await quantizedSwap(spec, checkpoint, tools, async (c) => {
      const s = specForCheckpoint(spec, c);
      const sz = sizeWorkload(s, extras);
      return { spec: s, sizing: sz, result: await search(s, sz, { budgetCap: true }) };
    });
    if (swap) {
      checkpoint = { ...swap.checkpoint, reason: budgeted && !pinned ? "quantized_budget" : "quantized_hardware" };
      sizedSpec = swap.spec;
      sizing = swap.sizing;
      compute = swap.result;
      fits = true;
    }
  }
  if (!fits && budgeted) {
    // Nothing within budget: the cheapest that fits, over budget.
    const over = await search(sizedSpec, sizing, { budgetCap: false });
    overBudget = over.result;
    if (over.fitted.length) {
      compute = over;
      fits = true;
    }
    quantizedAlternative = await quantizedOption(spec, extras, tools, (s, sz) => search(s, sz, { budgetCap: true }));
  }
  if (!fits && pinned) {
    // The pinned hardware cannot hold it even quantized: show it as pinned, and the cheapest that fits.
    const asPinned = await search(sizedSpec, sizing, { budgetCap: budgeted && !overBudget, floors: false });
    const any = asPinned.all.length ? asPinned : await search(sizedSpec, sizing, { budgetCap: false, floors: false });
    // Without the floors the search can reach a fitting row the floored one ranked out: prefer those.
    compute = any.fitted.length ? any : { ...any, fitted: any.all };
    if (!compute.fitted[0]?.layout.fits) {
      // The cheapest that fits: on the GPU model asked for (more of them) when one exists, else any.
      const sameCard = spec.gpu?.model ? await search({ ...sizedSpec, gpu: { model: spec.gpu.model } }, sizing, { budgetCap: false }) : null;
      cheapestFit = sameCard?.fitted[0] ?? (await search({ ...sizedSpec, gpu: undefined }, sizing, { budgetCap: false, pins: false })).fitted[0] ?? null;
    }
  }

  let spotAlternative: ComputeSearchResult | null = null;
  if (spec.spot_ok) {
    const q = { ...deriveComputeQuery(sizedSpec, extras, sizing, { budgetCap: false }), spot: true, top_k: 20 };
    const r = await searchFitted(tools, q, extras, fitter(sizedSpec, sizing));
    spotAlternative = { ...r.result, results: r.fitted.slice(0, MAX_COMPUTE).map((x) => x.instance) };
  }

  onStep("hf_search", "Searching Hugging Face models");
  const models = await chooseModels(spec, extras, sizing, sizedSpec, checkpoint, tools);
  if (!checkpoint.modelId && models.deployed) checkpoint = { ...checkpoint, modelId: models.deployed.id };
  // model_id is a catalog repo: a reference model the catalog does not hold is named in words instead.
  if (checkpoint.modelId && !models.deployed && tools.lookupModels) checkpoint = { ...checkpoint, modelId: null };

  onStep("k8s_search", "Searching Helm charts");
  const charts = await Promise.all(components.map(async (c) => ({ component: c, charts: await findCharts(tools, c.charts) })));
  const extras_ = await Promise.all(extraCharts.map(async (q) => ({ query: q, result: await pickCharts(tools, q) })));
  const gpuOperator = (await findCharts(tools, [GPU_OPERATOR]))[0] ?? null;

  // The precision's GPU floor of the deployed checkpoint narrows the search: say so in the plan.
  const computeQuery = deriveComputeQuery(sizedSpec, extras, sizing, { budgetCap: true });
  const capability = computeQuery.min_compute_capability !== undefined ? requiredComputeCapability(sizedSpec) : null;
  if (capability && !planAssumptions.includes(capability.assumption)) planAssumptions.push(capability.assumption);

  // Speed: a served LLM is ranked by the cost of meeting its load (bigger GPUs or more replicas).
  const arch = architectureOf(sizedSpec);
  const precision = checkpoint.precision ?? sizedSpec.precision ?? "bf16";
  const serving = primary.component === "llm" && !isJob(spec) && arch;
  const forLoad = serving ? rankForLoad({ spec: sizedSpec, arch, precision, sizing, fast: extras.fast_target }, compute.fitted) : null;
  const fitted = (forLoad?.ranked ?? compute.fitted).slice(0, MAX_COMPUTE);
  const speed = forLoad?.estimates[0] ?? null;
  const job = isJob(spec) && arch && fitted[0] ? jobOn(sizedSpec, arch, fitted[0].instance) : null;
  return withStack({
    spec, extras, assumptions: planAssumptions, sizing, sizedSpec, checkpoint, local,
    compute: { ...compute.result, results: fitted.map((x) => x.instance) },
    layouts: fitted.map((x) => x.layout),
    fits: !!fitted[0]?.layout.fits,
    cheapestFit,
    overBudget, quantizedAlternative,
    spotAlternative,
    models: models.result,
    components: charts,
    extraPackages: extras_,
    gpuOperator,
    skippedStacks,
    computeQuery,
    performance: speed ? toPerformance(speed) : null,
    job: job ? toJob(job) : null,
  }, tools);
}

/** The on-demand rows plus the spot search's (shown with on-demand prices), merged by what the user pays. */
async function withSpotRows(onDemand: Fitted, tools: ArchitectTools, q: Parameters<ArchitectTools["computeSearch"]>[0], extras: RequirementsExtras, fit: (r: InstanceOption) => Layout): Promise<Fitted> {
  const spot = await searchFitted(tools, q, extras, fit);
  const view = (xs: FittedInstance[]) => xs.flatMap((x) => {
    const row = onDemandView(x.instance);
    return row ? [{ ...x, instance: row }] : [];
  });
  const fitted = mergeSpotRows(onDemand.fitted, view(spot.fitted));
  return { result: { ...onDemand.result, total_matches: Math.max(onDemand.result.total_matches, spot.result.total_matches) }, all: mergeSpotRows(onDemand.all, view(spot.all)), fitted };
}

/** How the primary component is laid out on an instance. */
function layoutKind(spec: WorkloadSpec, primary: ComponentPlan): LayoutKind {
  // Training uses every GPU of the instance (ZeRO-3/FSDP for LLMs, data parallel otherwise).
  if (primary.component === "training_job") return "sharded_training";
  return shards(spec) && primary.component === "llm" ? "llm_serving" : "single_gpu";
}

function fitOn(sizing: Sizing, kind: LayoutKind, arch: ReturnType<typeof architectureOf>, maxGpus?: number) {
  return (r: InstanceOption): Layout => {
    const perGpu = r.gpu_memory_gb_per_gpu ?? (r.gpu_count ? r.gpu_memory_gb / r.gpu_count : 0);
    return layoutOn(sizing, { gpuCount: logicalGpuCount(r.gpu_count), perGpuGb: perGpu }, { kind, heads: arch?.heads, layers: arch?.layers, maxGpus });
  };
}

interface Fitted {
  result: ComputeSearchResult;
  /** Every result (region wish enforced), with its layout. */
  all: FittedInstance[];
  /** Those that hold the workload. */
  fitted: FittedInstance[];
}

/** Search, enforce the exact region wish, lay the workload out on each result and keep those that fit. */
async function searchFitted(tools: ArchitectTools, q: Parameters<ArchitectTools["computeSearch"]>[0], extras: RequirementsExtras, fit: (r: InstanceOption) => Layout): Promise<Fitted> {
  const result = await tools.computeSearch(q);
  // The search's region terms are prefixes/words (a superset); enforce the exact wish here:
  // a country narrows its area ("Germany" is not all of Europe) and excluded areas stay out.
  const rows = hasRegionIntent(extras) ? result.results.filter((x) => regionMatchesIntent(x.region, extras.region_intent)) : result.results;
  const all = rows.map((instance) => ({ instance, layout: fit(instance) }));
  return { result: { ...result, results: rows }, all, fitted: all.filter((x) => x.layout.fits) };
}

/** Try the official quantized repos of the named checkpoint, smallest first; the first whose search fits wins. */
async function quantizedSwap(
  spec: WorkloadSpec,
  c: Checkpoint,
  tools: ArchitectTools,
  attempt: (c: Checkpoint) => Promise<{ spec: WorkloadSpec; sizing: Sizing; result: Fitted }>,
): Promise<{ checkpoint: Checkpoint; spec: WorkloadSpec; sizing: Sizing; result: Fitted } | null> {
  const llmServing = shards(spec) && ((spec.task ?? "inference") === "inference" || spec.task === "batch_processing");
  if (!llmServing || !c.modelId || c.quantization || !tools.quantizedVariants) return null;
  const variants = servableVariants(await tools.quantizedVariants(c.modelId));
  const tried = new Set<string>();
  for (const v of variants) {
    if (tried.has(v.precision)) continue; // one attempt per precision: same size, same search
    tried.add(v.precision);
    const next: Checkpoint = { modelId: v.id, precision: v.precision, quantization: v.quantization, reason: "quantized_hardware", baseId: c.modelId };
    const r = await attempt(next);
    if (r.result.fitted.length) return { checkpoint: next, ...r };
  }
  return null;
}

/** Over budget: what int4 (LLM inference) would need and cost within the budget. */
async function quantizedOption(
  spec: WorkloadSpec,
  extras: RequirementsExtras,
  tools: ArchitectTools,
  search: (s: WorkloadSpec, sz: Sizing) => Promise<Fitted>,
): Promise<ArchitectFacts["quantizedAlternative"]> {
  const llm = !spec.modality || spec.modality === "llm";
  if (!llm || (spec.task ?? "inference") !== "inference" || spec.precision === "int4") return null;
  const quantSpec: WorkloadSpec = { ...spec, precision: "int4" };
  let sizing: Sizing;
  try {
    sizing = extras.reference_model && !spec.model ? sizeWorkload(quantSpec, extras) : estimateMemory(sizingInputFromSpec(quantSpec));
  } catch {
    return null;
  }
  const r = await search(quantSpec, sizing);
  return { precision: "int4", memoryGb: sizing.memory_gb_required, compute: { ...r.result, results: r.fitted.map((x) => x.instance) } };
}



/** Charts for a tool the user asked for: those whose name fits, up to the query's take. */
async function pickCharts(tools: ArchitectTools, q: ChartQuery) {
  const result = await tools.k8sSearch({ query: q.query, top_k: q.take + 4 });
  const wanted = q.expectName ? result.results.filter((r) => q.expectName!.test(r.name)) : result.results;
  return { ...result, results: wanted.slice(0, q.take) };
}

