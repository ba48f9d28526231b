/**
 * Per-device performance figures of every GPU in GPU_SPECS (lib/gpu/specs.ts), from vendor datasheets.
 *
 * Conventions (read before using a number):
 * - All compute figures are DENSE peaks. Datasheets often print 2:4-sparsity figures (marked "*" or
 *   "with sparsity"); those are halved here and the row's `note` says so.
 * - `dense_bf16_tflops` is the 16-bit tensor/matrix peak with FP32 accumulation (what PyTorch, vLLM and
 *   Megatron use for bf16/fp16 matmuls). bf16 where the card has it, else fp16 (Volta, Turing, AMD MI100).
 *   GeForce cards run FP32-accumulate at half their FP16-accumulate rate (NVIDIA Ampere GA102 and Ada
 *   whitepapers); the FP32-accumulate figure is the one kept. Pre-Volta cards have no tensor cores: the row
 *   gives the vector FP16 peak where FP16 runs at full or double rate (P100, MI25), else null and
 *   `fp32_tflops` instead.
 * - `dense_fp8_tflops` / `dense_int8_tops`: null when the card has no such tensor path or the figure is
 *   not known. Unknown is always null, never guessed.
 * - `memory_bandwidth_tbs`: peak DRAM/HBM bandwidth per device, TB/s (10^12 B/s).
 * - `interconnect_gbs`: GPU-to-GPU bandwidth per device as datasheets quote it (bidirectional total):
 *   NVLink 600 (A100) / 900 (H100) / 1800 (Blackwell); PCIe Gen3 x16 32, Gen4 x16 64, Gen5 x16 128.
 *   PCIe cards that accept an optional NVLink bridge are keyed "PCIe" (clouds rarely bridge them).
 * - Multi-GPU boards (K80, M60, A16) are given per GPU, as GPU_SPECS gives their memory per GPU.
 * - `verified: false` = the figures come from the cited vendor page as known, but that page (or a copy of
 *   its table) could not be read from here when this table was written; treat as unchecked.
 */

export type FormFactor = "SXM" | "PCIe";
export type Interconnect = "NVLink" | "PCIe" | "InfinityFabric";

export interface GpuPerfRow {
  /** Canonical name from GPU_SPECS. */
  gpu: string;
  form_factor: FormFactor;
  dense_bf16_tflops: number | null;
  dense_fp8_tflops: number | null;
  dense_int8_tops: number | null;
  /** Vector FP32 peak; only given for cards without a fast 16-bit path (Kepler, Maxwell, Pascal P4/P40). */
  fp32_tflops: number | null;
  memory_bandwidth_tbs: number | null;
  interconnect: Interconnect;
  interconnect_gbs: number | null;
  source: string;
  verified: boolean;
  note?: string;
}

interface RowInput {
  bf16: number | null;
  fp8?: number | null;
  int8?: number | null;
  fp32?: number | null;
  bw: number | null;
  ic: Interconnect;
  icGbs: number | null;
  src: string;
  verified?: boolean;
  note?: string;
}

const row = (gpu: string, form_factor: FormFactor, r: RowInput): GpuPerfRow => ({
  gpu,
  form_factor,
  dense_bf16_tflops: r.bf16,
  dense_fp8_tflops: r.fp8 ?? null,
  dense_int8_tops: r.int8 ?? null,
  fp32_tflops: r.fp32 ?? null,
  memory_bandwidth_tbs: r.bw,
  interconnect: r.ic,
  interconnect_gbs: r.icGbs,
  source: r.src,
  verified: r.verified ?? false,
  ...(r.note ? { note: r.note } : {}),
});

const SPARSE = "Datasheet figures are with sparsity; halved here.";
const GEFORCE = "GeForce: FP32-accumulate tensor rate (half the FP16-accumulate rate).";

// ── NVIDIA datacenter, HBM ────────────────────────────────────────────────────────────────────────
const A100_SRC = "https://www.nvidia.com/content/dam/en-zz/Solutions/Data-Center/a100/pdf/nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf";
const H100_SRC = "https://www.nvidia.com/en-us/data-center/h100/";
const H200_SRC = "https://www.nvidia.com/en-us/data-center/h200/";
const B200_SRC = "https://www.nvidia.com/en-us/data-center/hgx/";
const A800_SRC = "https://www.nvidia.cn/data-center/a800/";
const V100_SRC = "https://images.nvidia.com/content/technologies/volta/pdf/volta-v100-datasheet-update-us-1165301-r5.pdf";
const P100_SRC = "https://images.nvidia.com/content/tesla/pdf/nvidia-tesla-p100-datasheet.pdf";

const HBM_ROWS: GpuPerfRow[] = [
  // A100: BF16 312 dense (624 sparse), INT8 624 dense (1,248 sparse); no FP8. 40 GB: 1,555 GB/s both forms;
  // 80 GB: SXM 2,039 GB/s, PCIe 1,935 GB/s. NVLink 600 GB/s, PCIe Gen4 64 GB/s.
  row("A100", "SXM", { bf16: 312, int8: 624, bw: 1.555, ic: "NVLink", icGbs: 600, src: A100_SRC, verified: true, note: SPARSE }),
  row("A100", "PCIe", { bf16: 312, int8: 624, bw: 1.555, ic: "PCIe", icGbs: 64, src: A100_SRC, note: SPARSE }),
  row("A100-80GB", "SXM", { bf16: 312, int8: 624, bw: 2.039, ic: "NVLink", icGbs: 600, src: A100_SRC, verified: true, note: SPARSE }),
  row("A100-80GB", "PCIe", { bf16: 312, int8: 624, bw: 1.935, ic: "PCIe", icGbs: 64, src: A100_SRC, note: SPARSE }),
  // A800: A100 silicon with NVLink cut to 400 GB/s (export variant).
  row("A800", "SXM", { bf16: 312, int8: 624, bw: 2.039, ic: "NVLink", icGbs: 400, src: A800_SRC, note: SPARSE }),
  row("A800", "PCIe", { bf16: 312, int8: 624, bw: 1.935, ic: "PCIe", icGbs: 64, src: A800_SRC, note: SPARSE }),
  // H100: SXM BF16 1,979* / FP8 3,958* / INT8 3,958*, 3,350 GB/s, NVLink 900; PCIe 1,513* / 3,026* / 3,026*,
  // 2,000 GB/s, PCIe Gen5 128 GB/s. (* with sparsity; NVIDIA: "Specifications 1/2 lower without sparsity".)
  row("H100", "SXM", { bf16: 989.5, fp8: 1979, int8: 1979, bw: 3.35, ic: "NVLink", icGbs: 900, src: H100_SRC, verified: true, note: SPARSE }),
  row("H100", "PCIe", { bf16: 756.5, fp8: 1513, int8: 1513, bw: 2.0, ic: "PCIe", icGbs: 128, src: H100_SRC, verified: true, note: SPARSE }),
  // H200: same compute as H100 SXM, 4.8 TB/s HBM3e. H200 NVL (PCIe card): BF16 1,671*, FP8/INT8 3,341*.
  row("H200", "SXM", { bf16: 989.5, fp8: 1979, int8: 1979, bw: 4.8, ic: "NVLink", icGbs: 900, src: H200_SRC, note: SPARSE }),
  row("H200", "PCIe", { bf16: 835.5, fp8: 1670.5, int8: 1670.5, bw: 4.8, ic: "PCIe", icGbs: 128, src: H200_SRC, note: `H200 NVL. ${SPARSE}` }),
  // GH200 (96 GB HBM3 version): H100-class GPU, 4 TB/s; NVLink-C2C 900 GB/s to the Grace CPU.
  row("GH200", "SXM", {
    bf16: 989.5, fp8: 1979, int8: 1979, bw: 4.0, ic: "NVLink", icGbs: 900,
    src: "https://www.nvidia.com/en-us/data-center/grace-hopper-superchip/",
    note: `Superchip module (keyed SXM). 900 GB/s is NVLink-C2C (CPU-GPU). ${SPARSE}`,
  }),
  // HGX B200 per GPU: FP16/BF16 4.5 PF*, FP8 9 PF*, INT8 9 POPS*, 7.7 TB/s, NVLink 1.8 TB/s.
  row("B200", "SXM", { bf16: 2250, fp8: 4500, int8: 4500, bw: 7.7, ic: "NVLink", icGbs: 1800, src: B200_SRC, verified: true, note: SPARSE }),
  // GB200 NVL72 per GPU: FP16/BF16 5 PF*, FP8 10 PF*, INT8 10 POPS*, 8 TB/s.
  row("GB200", "SXM", {
    bf16: 2500, fp8: 5000, int8: 5000, bw: 8.0, ic: "NVLink", icGbs: 1800,
    src: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", verified: true, note: SPARSE,
  }),
  // HGX B300: FP16/BF16 and FP8 as B200; INT8 sharply reduced on Blackwell Ultra (figure not confirmed: null).
  row("B300", "SXM", {
    bf16: 2250, fp8: 4500, int8: null, bw: 8.0, ic: "NVLink", icGbs: 1800, src: B200_SRC,
    note: `INT8 left null: Blackwell Ultra cut INT8 and the per-GPU figure was not confirmed. ${SPARSE}`,
  }),
  // V100: fp16 tensor 125 (SXM2) / 112 (PCIe) TFLOPS, no bf16, no int8 tensor path; 900 GB/s; NVLink 300 GB/s.
  row("V100", "SXM", { bf16: 125, bw: 0.9, ic: "NVLink", icGbs: 300, src: V100_SRC, note: "fp16 (no bf16 on Volta)." }),
  row("V100", "PCIe", { bf16: 112, bw: 0.9, ic: "PCIe", icGbs: 32, src: V100_SRC, note: "fp16 (no bf16 on Volta)." }),
  row("V100-32GB", "SXM", { bf16: 125, bw: 0.9, ic: "NVLink", icGbs: 300, src: V100_SRC, note: "fp16 (no bf16 on Volta)." }),
  row("V100-32GB", "PCIe", { bf16: 112, bw: 0.9, ic: "PCIe", icGbs: 32, src: V100_SRC, note: "fp16 (no bf16 on Volta)." }),
  // P100: no tensor cores; vector FP16 21.2 (SXM2) / 18.7 (PCIe) TFLOPS; 732 GB/s; NVLink 160 GB/s.
  row("P100", "SXM", { bf16: 21.2, fp32: 10.6, bw: 0.732, ic: "NVLink", icGbs: 160, src: P100_SRC, note: "Vector fp16 (no tensor cores)." }),
  row("P100", "PCIe", { bf16: 18.7, fp32: 9.3, bw: 0.732, ic: "PCIe", icGbs: 32, src: P100_SRC, note: "Vector fp16 (no tensor cores)." }),
  // A30: BF16 165 dense (330*), INT8 330 (661*), 933 GB/s, PCIe Gen4 (NVLink bridge 200 GB/s optional).
  row("A30", "PCIe", { bf16: 165, int8: 330, bw: 0.933, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/products/a30-gpu/", note: SPARSE }),
];

// ── NVIDIA datacenter, GDDR (PCIe cards) ──────────────────────────────────────────────────────────
const GDDR_DC_ROWS: GpuPerfRow[] = [
  row("A10", "PCIe", { bf16: 125, int8: 250, bw: 0.6, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/products/a10-gpu/", note: SPARSE }),
  // A10G (AWS G5 only): NVIDIA publishes no datasheet. 600 GB/s per AWS and Baseten; tensor peak unknown.
  row("A10G", "PCIe", {
    bf16: null, bw: 0.6, ic: "PCIe", icGbs: 64, src: "https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/",
    verified: true, note: "No vendor datasheet; tensor peak not published (null). Same 24 GB / 600 GB/s as A10.",
  }),
  // A16: four GPUs per board; per GPU 200 GB/s. Tensor figure per GPU not confirmed: null.
  row("A16", "PCIe", { bf16: null, bw: 0.2, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/products/a16-gpu/", note: "Per GPU (4 per board)." }),
  row("A2", "PCIe", { bf16: 18, int8: 36, bw: 0.2, ic: "PCIe", icGbs: 32, src: "https://www.nvidia.com/en-us/data-center/products/a2/", note: `PCIe Gen4 x8. ${SPARSE}` }),
  row("A40", "PCIe", { bf16: 149.7, int8: 299.3, bw: 0.696, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/a40/", verified: true, note: `NVLink bridge 112.5 GB/s optional. ${SPARSE}` }),
  // L4: FP16/BF16 242*, FP8 485*, INT8 485*, 300 GB/s.
  row("L4", "PCIe", { bf16: 121, fp8: 242.5, int8: 242.5, bw: 0.3, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/l4/", verified: true, note: SPARSE }),
  // L40: BF16 362.1*, FP8 724*, INT8 724*, 864 GB/s. L40S: BF16 362.05 dense (733*), FP8 733 (1,466*), INT8 1,466*, 864 GB/s.
  row("L40", "PCIe", { bf16: 181, fp8: 362, int8: 362, bw: 0.864, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/l40/", note: SPARSE }),
  row("L40S", "PCIe", { bf16: 362, fp8: 733, int8: 733, bw: 0.864, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/data-center/l40s/", verified: true, note: SPARSE }),
  // T4 (Turing, no sparsity): fp16 65, INT8 130 TOPS, 320 GB/s, PCIe Gen3. T4g (AWS G5g) is the same card.
  row("T4", "PCIe", { bf16: 65, int8: 130, bw: 0.32, ic: "PCIe", icGbs: 32, src: "https://www.nvidia.com/en-us/data-center/tesla-t4/", note: "fp16 (no bf16 on Turing)." }),
  row("T4g", "PCIe", { bf16: 65, int8: 130, bw: 0.32, ic: "PCIe", icGbs: 32, src: "https://www.nvidia.com/en-us/data-center/tesla-t4/", note: "NVIDIA T4 (AWS G5g). fp16." }),
  // Pre-Volta: no tensor cores and slow fp16; FP32 peak given instead. K80 and M60 per GPU (2 per board).
  row("K80", "PCIe", { bf16: null, fp32: 4.37, bw: 0.24, ic: "PCIe", icGbs: 32, src: "https://www.nvidia.com/en-gb/data-center/tesla-k80/", note: "Per GPU: board 8.73 TFLOPS boost, 480 GB/s, halved." }),
  row("M60", "PCIe", { bf16: null, fp32: 4.83, bw: 0.16, ic: "PCIe", icGbs: 32, src: "https://images.nvidia.com/content/pdf/grid/data-sheet/NVIDIA-Tesla-M60-Datasheet.pdf", note: "Per GPU: board 9.65 TFLOPS, 2 × 160 GB/s." }),
  row("P4", "PCIe", { bf16: null, int8: 22, fp32: 5.5, bw: 0.192, ic: "PCIe", icGbs: 32, src: "https://images.nvidia.com/content/pdf/tesla/184457-Tesla-P4-Datasheet-NV-Final-Letter-Web.pdf" }),
  row("P40", "PCIe", { bf16: null, int8: 47, fp32: 12, bw: 0.346, ic: "PCIe", icGbs: 32, src: "https://images.nvidia.com/content/pdf/tesla/184427-Tesla-P40-Datasheet-NV-Final-Letter-Web.pdf" }),
];

// ── NVIDIA workstation ────────────────────────────────────────────────────────────────────────────
const WS_ROWS: GpuPerfRow[] = [
  // Ampere RTX A-series: "Tensor Performance" on the datasheets is with sparsity (fp16).
  row("RTXA4000", "PCIe", { bf16: 76.7, bw: 0.448, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-a4000/", verified: true, note: `Tensor 153.4*. ${SPARSE}` }),
  row("RTXA4500", "PCIe", { bf16: 94.6, bw: 0.64, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-a4500/", note: `Tensor 189.2*. ${SPARSE}` }),
  row("RTXA5000", "PCIe", { bf16: 111.1, bw: 0.768, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-a5000/", note: `Tensor 222.2*. ${SPARSE}` }),
  row("RTXA6000", "PCIe", { bf16: 154.8, bw: 0.768, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-a6000/", note: `Tensor 309.7*. ${SPARSE}` }),
  // Quadro RTX 6000 (Turing): tensor 130.5 TFLOPS fp16, INT8 261 TOPS, 672 GB/s, PCIe Gen3.
  row("RTX6000", "PCIe", { bf16: 130.5, int8: 261, bw: 0.672, ic: "PCIe", icGbs: 32, src: "https://www.nvidia.com/content/dam/en-zz/Solutions/design-visualization/quadro-product-literature/quadro-rtx-6000-us-nvidia-704093-r4-web.pdf", note: "fp16 (no bf16 on Turing)." }),
  // Ada RTX: the datasheets' "Tensor Performance" is FP8 with sparsity → FP8 dense = half, BF16 dense = quarter.
  // RTX 4000 Ada: the datasheet's tensor figure could not be confirmed (figures seen disagree): null.
  row("RTX4000-Ada", "PCIe", { bf16: null, bw: 0.36, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-4000/", note: "Tensor peak not confirmed (null); 20 GB, 360 GB/s." }),
  row("RTX5000-Ada", "PCIe", { bf16: 261.1, fp8: 522.2, bw: 0.576, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-5000/", note: "Tensor 1,044.4 (FP8, sparse): FP8 ÷2, BF16 ÷4." }),
  row("RTX6000-Ada", "PCIe", { bf16: 364.3, fp8: 728.5, bw: 0.96, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/design-visualization/rtx-6000/", note: "Tensor 1,457 (FP8, sparse): FP8 ÷2, BF16 ÷4." }),
  // RTX PRO 6000 Blackwell: "4,000 AI TOPS" is FP4 with sparsity → FP4 dense 2,000, FP8 1,000, BF16 500.
  row("RTXPRO6000", "PCIe", { bf16: 500, fp8: 1000, bw: 1.792, ic: "PCIe", icGbs: 128, src: "https://www.nvidia.com/en-us/products/workstations/professional-desktop-gpus/rtx-pro-6000/", note: "4,000 AI TOPS = FP4 sparse; FP8 dense ÷4, BF16 dense ÷8." }),
];

// ── NVIDIA consumer (GeForce) ─────────────────────────────────────────────────────────────────────
const GA102_WP = "https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf";
const ADA_WP = "https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf";
const TURING_WP = "https://images.nvidia.com/aem-dam/en-zz/Solutions/design-visualization/technologies/turing-architecture/NVIDIA-Turing-Architecture-Whitepaper.pdf";

const GEFORCE_ROWS: GpuPerfRow[] = [
  // Ampere GeForce (GA102 whitepaper, Appendix A): FP16 tensor with FP32 accumulate (dense), INT8 dense.
  row("RTX3090", "PCIe", { bf16: 71, int8: 284, bw: 0.936, ic: "PCIe", icGbs: 64, src: GA102_WP, note: GEFORCE }),
  row("RTX3080", "PCIe", { bf16: 59.5, int8: 238, bw: 0.76, ic: "PCIe", icGbs: 64, src: GA102_WP, note: GEFORCE }),
  row("RTX3070", "PCIe", { bf16: 40.6, int8: 162.6, bw: 0.448, ic: "PCIe", icGbs: 64, src: GA102_WP, note: GEFORCE }),
  // RTX 3060: not in the GA102 whitepaper; 360 GB/s from the product page; tensor peak null.
  row("RTX3060", "PCIe", { bf16: null, bw: 0.36, ic: "PCIe", icGbs: 64, src: "https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/rtx-3060-3060ti/" }),
  // Turing GeForce: bandwidth from the Turing whitepaper; tensor FP32-accumulate peak not taken (null).
  row("RTX2080", "PCIe", { bf16: null, bw: 0.448, ic: "PCIe", icGbs: 32, src: TURING_WP }),
  row("RTX2080Ti", "PCIe", { bf16: null, bw: 0.616, ic: "PCIe", icGbs: 32, src: TURING_WP }),
  // Ada GeForce (Ada whitepaper, Appendix A): FP16/BF16 FP32-acc dense, FP8 FP32-acc dense, INT8 dense.
  row("RTX4090", "PCIe", { bf16: 165.2, fp8: 330.3, int8: 660.6, bw: 1.008, ic: "PCIe", icGbs: 64, src: ADA_WP, note: GEFORCE }),
  row("RTX4080", "PCIe", { bf16: 97.5, fp8: 194.9, int8: 389.9, bw: 0.717, ic: "PCIe", icGbs: 64, src: ADA_WP, note: GEFORCE }),
  // RTX 5090: 838.4 FP16 tensor TFLOPS (FP16-accumulate, sparse) → FP32-accumulate dense = ÷4 = 209.6.
  row("RTX5090", "PCIe", {
    bf16: 209.6, fp8: 419.2, bw: 1.792, ic: "PCIe", icGbs: 128,
    src: "https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf",
    note: `838.4 FP16 (FP16-acc, sparse) ÷ 4. ${GEFORCE}`,
  }),
];

// ── AMD ───────────────────────────────────────────────────────────────────────────────────────────
const AMD_ROWS: GpuPerfRow[] = [
  // MI300X: FP16/BF16 1,307.4 dense (2,614.9 sparse), FP8 and INT8 2,614.9 dense, 5.3 TB/s, Infinity Fabric 896 GB/s.
  row("MI300X", "SXM", { bf16: 1307.4, fp8: 2614.9, int8: 2614.9, bw: 5.3, ic: "InfinityFabric", icGbs: 896, src: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html", note: "OAM module (keyed SXM)." }),
  row("MI325X", "SXM", { bf16: 1307.4, fp8: 2614.9, int8: 2614.9, bw: 6.0, ic: "InfinityFabric", icGbs: 896, src: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html", note: "OAM module (keyed SXM)." }),
  // CDNA 2 (no sparsity, no FP8): MI250X 383, MI250 362.1, MI210 181 TFLOPS FP16/BF16; INT8 equal.
  row("MI250X", "SXM", { bf16: 383, int8: 383, bw: 3.2768, ic: "InfinityFabric", icGbs: null, src: "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html", note: "OAM module (keyed SXM)." }),
  row("MI250", "SXM", { bf16: 362.1, int8: 362.1, bw: 3.2768, ic: "InfinityFabric", icGbs: null, src: "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250.html", note: "OAM module (keyed SXM)." }),
  row("MI210", "PCIe", { bf16: 181, int8: 181, bw: 1.6384, ic: "PCIe", icGbs: 64, src: "https://www.amd.com/en/products/accelerators/instinct/mi200/mi210.html" }),
  row("MI100", "PCIe", { bf16: 184.6, int8: 184.6, bw: 1.2288, ic: "PCIe", icGbs: 64, src: "https://www.amd.com/en/products/accelerators/instinct/mi100.html", note: "fp16 184.6 (bf16 is 92.3)." }),
  row("Radeon MI25", "PCIe", { bf16: 24.6, fp32: 12.3, bw: 0.484, ic: "PCIe", icGbs: 32, src: "https://www.amd.com/en/support/downloads/previous-drivers.html/accelerators/radeon-instinct/radeon-instinct-mi-series/radeon-instinct-mi25.html", note: "Packed fp16 (no matrix cores)." }),
  row("Radeon Pro V520", "PCIe", { bf16: null, bw: 0.512, ic: "PCIe", icGbs: 32, src: "https://aws.amazon.com/ec2/instance-types/g4/", note: "AWS-only part; compute peak not published (null)." }),
];

/** Every row, keyed by (gpu, form factor). */
export const GPU_PERF_ROWS: readonly GpuPerfRow[] = Object.freeze([
  ...HBM_ROWS,
  ...GDDR_DC_ROWS,
  ...WS_ROWS,
  ...GEFORCE_ROWS,
  ...AMD_ROWS,
]);
