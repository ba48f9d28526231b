import { expect, type APIRequestContext } from "@playwright/test";

/** Until the real server's health says ok (its catalog is loaded), for tests that need plans. */
export async function waitForCatalog(request: APIRequestContext) {
  await expect
    .poll(async () => (await (await request.get("/api/health")).json()).status, { timeout: 170_000, intervals: [1000, 2000, 3000] })
    .toBe("ok");
}
