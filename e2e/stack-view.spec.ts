/**
 * "What runs where" on a real server's answer (offline engine, PGlite, Chromium): a RAG stack shows
 * each part with its node and resources and the whole stack's monthly cost; a platform-only request
 * says no GPU is needed and shows CPU instances.
 */
import { expect, test } from "@playwright/test";
import { waitForCatalog } from "./wait-for-catalog";

test.describe.configure({ mode: "serial" });

const money = (n: number) => (n < 100 ? `$${n.toFixed(2)}` : `$${Math.round(n).toLocaleString("en-US")}`); // as components/plan/format.ts formatMonthly

test("a RAG stack: every part, its node pool, and the whole stack's cost as stored", async ({ page, request }) => {
  test.setTimeout(180_000);
  await waitForCatalog(request);
  await page.goto("/");
  await page.getByTestId("composer").fill("A RAG stack: bge-large embeddings, a qdrant vector database and Llama 3.1 8B Instruct, $1500/mo");
  await page.getByTestId("send-button").click();
  const stack = page.getByTestId("plan-stack");
  await expect(stack).toBeVisible({ timeout: 60_000 });
  const id = page.url().split("/c/")[1];
  const plan = (await (await request.get(`/api/v1/chat/${id}`)).json()).messages.find((m: { type?: string }) => m.type === "plan").plan;
  await expect(stack.getByTestId("plan-stack-part")).toHaveCount(plan.deployments.length);
  expect(plan.deployments.map((d: { component: string }) => d.component)).toEqual(["llm", "embeddings", "vector_db"]);
  await expect(stack.getByTestId("plan-stack-node")).toHaveCount(plan.nodes.length);
  await expect(stack).toContainText(money(plan.estimated_stack_monthly_cost_usd));
  await expect(stack).toContainText("BAAI/bge-large-en-v1.5");
});

test("platform only: no GPU, CPU instances, no model", async ({ page, request }) => {
  test.setTimeout(120_000);
  await waitForCatalog(request);
  await page.goto("/");
  await page.getByTestId("composer").fill("I just need the MLflow tracking server and model registry for 20 people");
  await page.getByTestId("send-button").click();
  await expect(page.getByTestId("plan-sizing-total")).toHaveText("No GPU", { timeout: 60_000 });
  await expect(page.getByTestId("plan-compute")).toContainText("CPU only");
  await expect(page.getByTestId("plan")).not.toContainText("Llama");
});
