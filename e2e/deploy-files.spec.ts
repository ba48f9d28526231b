/**
 * The plan's Deploy section on a real server's answer (offline engine, PGlite, Chromium; no
 * fixtures): a tab per file with highlighting, copy, one-file download through the API route, and
 * "Download all" as a zip whose files equal plan.artifacts[].
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { waitForCatalog } from "./wait-for-catalog";

test.describe.configure({ mode: "serial" });

test("Deploy: tabs, highlighted code, copy, download and Download all match the stored plan's files", async ({ page, request, context }) => {
  test.setTimeout(180_000);
  await waitForCatalog(request);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByTestId("composer").fill("Serve Llama 3.1 8B Instruct with vLLM next to a Qdrant vector database, $1500/month");
  await page.getByTestId("send-button").click();
  const deploy = page.getByTestId("plan-deploy");
  await expect(deploy).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);

  const id = page.url().split("/c/")[1];
  const conv = await (await request.get(`/api/v1/chat/${id}`)).json();
  const stored = conv.messages.find((m: { type?: string }) => m.type === "plan");
  const files: { filename: string; content: string; media_type: string }[] = stored.plan.artifacts;
  expect(files.map((f) => f.filename)).toEqual(expect.arrayContaining(["install.sh", "llm-vllm-stack-values.yaml", "vector-db-qdrant-values.yaml"]));

  // A tab per file; each shows its own content, highlighted.
  const tabs = deploy.getByTestId("deploy-tab");
  await expect(tabs).toHaveCount(files.length);
  const vllm = files.find((f) => f.filename === "llm-vllm-stack-values.yaml")!;
  await tabs.filter({ hasText: vllm.filename }).click();
  await expect(tabs.filter({ hasText: vllm.filename })).toHaveAttribute("aria-selected", "true");
  await expect(deploy.getByTestId("deploy-code")).toContainText(stored.plan.deployments[0].model_id ?? stored.plan.models[0].id);
  expect(await deploy.locator("[data-testid=deploy-code] .hljs-attr").count()).toBeGreaterThan(5);

  // Copy puts the exact file on the clipboard.
  await deploy.getByTestId("deploy-copy").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(vllm.content);

  // Download: the route serves the same bytes under the file's name.
  const [one] = await Promise.all([page.waitForEvent("download"), deploy.getByTestId("deploy-download").click()]);
  expect(one.suggestedFilename()).toBe(vllm.filename);
  expect(readFileSync((await one.path())!, "utf8")).toBe(vllm.content);

  // Download all: a zip with every file, byte for byte; install.sh is executable.
  const [all] = await Promise.all([page.waitForEvent("download"), deploy.getByTestId("deploy-download-all").click()]);
  expect(all.suggestedFilename()).toBe("stack8s-deploy.zip");
  const zip = unzipSync(new Uint8Array(readFileSync((await all.path())!)));
  expect(Object.keys(zip).sort()).toEqual(files.map((f) => f.filename).sort());
  for (const f of files) expect(strFromU8(zip[f.filename])).toBe(f.content);

  // Exports: plan.md has the tables and every file.
  const md = await request.get(await deploy.getByTestId("deploy-plan-md").getAttribute("href") as string);
  expect(md.status()).toBe(200);
  const text = await md.text();
  for (const f of files) expect(text).toContain(`### ${f.filename}`);

  // Bad input stays in the JSON error model.
  const base = `/api/v1/chat/${id}/messages/${stored.id}`;
  const missing = await request.get(`${base}/artifacts/nope.yaml`);
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
  const traversal = await request.get(`${base}/artifacts/..%2F..%2Fetc%2Fpasswd`);
  expect(traversal.status()).toBe(400);
  expect((await traversal.json()).error.details[0].path).toBe("filename");
});
