/** Provenance written into the snapshot manifest (and shown in DATA_SOURCES.md). */
export const SNAPSHOT_SOURCES: { name: string; url: string; license: string; data_as_of: string }[] = [
  {
    name: "skypilot-catalog",
    url: "https://github.com/skypilot-org/skypilot-catalog",
    license: "no explicit licence (facts from providers' public pricing); attributed to the SkyPilot catalog",
    data_as_of: "v5 files 2023-01..2024-06-13; v6/v8 files and the AWS/GCP v8-gpu accelerator rows 2025-2026 (per row: cloud.instances.data_as_of)",
  },
  {
    name: "helm-charts",
    url: "63 public chart repositories (see DATA_SOURCES.md)",
    license: "each repository's licence (mostly Apache-2.0)",
    data_as_of: "repository snapshots up to 2026-08-22",
  },
  {
    name: "huggingface-models",
    url: "Hub metadata via Weixin-Liang, saranscript, hamidahoderinwale, radar (CC BY 4.0), Open LLM Leaderboard, xinference, LLM-Stats (CC BY 4.0), LocalAI, model-family repos",
    license: "mixed; model cards © their authors; radar and LLM-Stats CC BY 4.0 (attribution)",
    data_as_of: "downloads from 2022-02, 2023-10, 2025-04, 2026-05, 2026-08 snapshots",
  },
];

export const SELECTION_RULES = [
  "cloud: the latest-view file per provider; AWS/GCP accelerator families from the v8-gpu copy replace their v5 families whole (retired p2/g3/g3s dropped); one row per provider x instance type x region; mithril dropped (placeholder prices); rows with neither on-demand nor spot price dropped",
  "models: kept when they have a card, downloads > 0, likes > 0 or a parameter count; repos the Hub deleted (radar 'removed') dropped",
  "cards: kept when at least one kept model links to them; chunked at load time (db/ingest/hf/chunk-card.ts)",
  "charts: all charts and versions; deprecated ones flagged and hidden from search by default",
];
