import { afterAll, beforeAll, describe } from "vitest";
import type { DbHandle } from "@/db/client";
import type { Backend } from "./harness";
import { conversationSuite } from "./suites/conversations";
import { schemaSuite } from "./suites/schema";
import { catalogSearchSuite } from "./suites/catalog-search";
import { computeSearchSuite } from "./suites/compute-search";
import { currentPricesSuite } from "./suites/current-prices";
import { chatApiSuite } from "./suites/chat-api";
import { chatScenarioSuite } from "./suites/chat-scenarios";
import { llmEngineSuite } from "./suites/llm-engine";
import { ensureSnapshotLoaded } from "./harness";
import { deploymentScenarioSuite } from "./suites/deployment-scenarios";
import { deploymentPropertySuite } from "./suites/deployment-properties";
import { deploymentFilesSuite } from "./suites/deployment-files";
import { workloadKindsSuite } from "./suites/workload-kinds";
import { languagesSuite } from "./suites/languages";
import { speedAndJobsSuite } from "./suites/speed-and-jobs";
import { modelRankingSuite } from "./suites/model-ranking";

/** Every query-layer suite, run against one backend (the same code on PGlite and PostgreSQL). */
export function runAllSuites(backend: Backend) {
  let handle: DbHandle | undefined;
  const h = () => {
    if (!handle) throw new Error(`${backend.name} is not open`);
    return handle;
  };
  describe(`[${backend.name}]`, () => {
    beforeAll(async () => {
      handle = await backend.open();
      await ensureSnapshotLoaded(handle);
    }, 300_000);
    afterAll(async () => {
      await handle?.close();
    });
    schemaSuite(h);
    conversationSuite(h);
    catalogSearchSuite(h);
    computeSearchSuite(h);
    currentPricesSuite(h);
    chatApiSuite(h);
    chatScenarioSuite(h);
    llmEngineSuite(h);
    deploymentScenarioSuite(h);
    deploymentFilesSuite(h);
    deploymentPropertySuite(h);
    workloadKindsSuite(h, backend.name);
    languagesSuite(h, backend.name);
    speedAndJobsSuite(h);
    modelRankingSuite(h);
  });
}
