/**
 * End to end against the real server on the embedded database (PGlite seeded from the committed
 * snapshot on first start), the offline engine, and Debian's Chromium. No mocks.
 */
import { expect, test } from "@playwright/test";
import { waitForCatalog } from "./wait-for-catalog";

test.describe.configure({ mode: "serial" });

test("health reports the seeded catalog", async ({ request }, testInfo) => {
  test.setTimeout(180_000);
  await waitForCatalog(request);
  const h = await (await request.get("/api/health")).json();
  expect(h.database).toBe(testInfo.project.name);
  expect(h.llm).toBe("offline");
  expect(h.catalog.instances).toBeGreaterThanOrEqual(20_000);
  expect(h.catalog.providers).toBeGreaterThanOrEqual(20);
  expect(h.catalog.packages).toBeGreaterThanOrEqual(390);
  expect(h.catalog.models).toBeGreaterThanOrEqual(30_000);
  expect(h.catalog.card_chunks).toBeGreaterThanOrEqual(30_000);
  expect(h.seeding).toBe(false);
});

test("API index and docs", async ({ page, request }) => {
  const idx = await (await request.get("/api/v1")).json();
  expect(idx.endpoints.map((e: { path: string }) => e.path)).toContain("/api/v1/chat/message");
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await page.goto("/docs");
  await expect(page.getByRole("heading", { name: /Stack8s API/ })).toBeVisible();
  expect(await page.getByTestId("docs-endpoint").count()).toBeGreaterThanOrEqual(7);
});

test("a request becomes a priced plan, persisted at a shareable URL that others read read-only", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  await waitForCatalog(request);
  await page.goto("/");
  await page.getByTestId("composer").fill("I need to deploy Llama 70B for inference, budget $5000/month");
  await page.getByTestId("send-button").click();
  const plan = page.getByTestId("plan");
  await expect(plan).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const rows = page.getByTestId("plan-compute-row");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(page.getByTestId("plan-sizing")).toContainText("GB");
  await expect(page.getByTestId("plan-package").first()).toBeVisible();
  await page.screenshot({ path: "test-results/e2e-plan.png", fullPage: true });

  // The stored plan agrees with what the API returns for the conversation.
  const id = page.url().split("/c/")[1];
  const conv = await (await request.get(`/api/v1/chat/${id}`)).json();
  const stored = conv.messages.find((m: { type?: string }) => m.type === "plan");
  expect(stored.plan.sizing.memory_gb_required).toBeGreaterThan(140);
  expect(stored.plan.compute[0].gpu_memory_gb).toBeGreaterThanOrEqual(stored.plan.sizing.memory_gb_required);
  // One chosen deployment: compute[0] and models[0] are what deployments[0] runs.
  const d = stored.plan.deployments[0];
  expect(d.instance).toEqual({ provider: stored.plan.compute[0].provider, instance_type: stored.plan.compute[0].instance_type, region: stored.plan.compute[0].region });
  expect(d.model_id).toBe(stored.plan.models[0].id);
  expect(stored.plan.warning_details.map((w: { message: string }) => w.message)).toEqual(stored.plan.warnings);

  // Reload: the conversation is still there and the owner can continue.
  await page.reload();
  await expect(page.getByTestId("plan")).toBeVisible();
  await expect(page.getByTestId("composer")).toBeVisible();

  // Someone else with the link reads it, read-only.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`/c/${id}`);
  await expect(otherPage.getByTestId("readonly-notice")).toBeVisible();
  await expect(otherPage.getByTestId("plan")).toBeVisible();
  await expect(otherPage.getByTestId("composer")).toHaveCount(0);
  await other.close();
});

test("a vague request gets clarifying questions; answering one continues the conversation", async ({ page, request }) => {
  test.setTimeout(120_000);
  await waitForCatalog(request);
  await page.goto("/");
  await page.getByTestId("composer").fill("I need some GPUs");
  await page.getByTestId("send-button").click();
  const clar = page.getByTestId("clarification");
  await expect(clar).toBeVisible({ timeout: 60_000 });
  const options = clar.getByTestId("clarification-option");
  expect(await options.count()).toBeGreaterThan(1);
  await page.getByTestId("composer").fill("Serve a Llama 3.1 8B chat model, about $800 a month");
  await page.getByTestId("send-button").click();
  await expect(page.getByTestId("plan")).toBeVisible({ timeout: 60_000 });
  expect(await page.getByTestId("message-user").count()).toBe(2);
});

test("the JSON API rejects bad input with a 4xx naming the field", async ({ request }) => {
  const bad = await request.post("/api/v1/chat/message", { data: { conversation_id: "nope", message: "" } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  const paths = body.error.details.map((d: { path: string }) => d.path);
  expect(paths).toEqual(expect.arrayContaining(["conversation_id", "message"]));
  const notJson = await request.post("/api/v1/tools/k8s/search", { data: "query=mlflow", headers: { "content-type": "text/plain" } });
  expect(notJson.status()).toBe(415);
});
