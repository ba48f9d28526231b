/** Test helper: fixtures are real rows cut from shared/data/cloud/skypilot-catalog, same layout. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LATEST_VIEW, parseCatalogFile } from "../latest-view";
import type { CatalogInstance } from "../parse-skypilot";

export const FIXTURE_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "catalog");

export function fixtureFile(provider: string) {
  const file = LATEST_VIEW.find((f) => f.provider === provider);
  if (!file) throw new Error(`no latest-view entry for ${provider}`);
  const overlayPath = file.overlay ? path.join(FIXTURE_ROOT, file.overlay.path) : null;
  return {
    file,
    text: readFileSync(path.join(FIXTURE_ROOT, file.path), "utf8"),
    overlayText: overlayPath && existsSync(overlayPath) ? readFileSync(overlayPath, "utf8") : undefined,
  };
}

/** The provider's latest view from the fixtures: its main file combined with its overlay (aws, gcp). */
export function parseFixture(provider: string, opts: { withoutOverlay?: boolean } = {}): CatalogInstance[] {
  const { file, text, overlayText } = fixtureFile(provider);
  return parseCatalogFile(file, text, opts.withoutOverlay ? undefined : overlayText);
}

export function findRow(rows: CatalogInstance[], instanceType: string, region?: string): CatalogInstance {
  const row = rows.find((r) => r.instanceType === instanceType && (region === undefined || r.region === region));
  if (!row) throw new Error(`row ${instanceType} ${region ?? ""} not found`);
  return row;
}
