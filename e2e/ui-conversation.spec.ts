import { expect, test } from "@playwright/test";
import { CONV_ID, conversation, mockHealth, mockStream, planResponse, streamBody } from "./ui-fixtures";

test.describe("/c/[id] (mocked backend)", () => {
  test("a non-owner sees the conversation read-only", async ({ page }) => {
    await mockHealth(page);
    await page.route(`**/api/v1/chat/${CONV_ID}`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(conversation(false)) }),
    );
    await page.goto(`/c/${CONV_ID}`);
    await expect(page.getByTestId("readonly-notice")).toContainText("Shared conversation — read only");
    await expect(page.getByTestId("composer")).toHaveCount(0);
    await expect(page.getByTestId("message-user")).toHaveText(/Deploy Llama 3\.1 70B/);
    await expect(page.getByTestId("plan-compute-row")).toHaveCount(5);
    await expect(page.getByTestId("plan-package").first().getByTestId("plan-package-install")).toContainText("helm install vllm");
    await expect(page.getByRole("link", { name: "Start your own" })).toHaveAttribute("href", "/");
    await expect(page.getByTestId("share-button")).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/ui-readonly-mobile.png", fullPage: false });
  });

  test("the owner can continue; Share copies the absolute URL", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await mockHealth(page);
    await page.route(`**/api/v1/chat/${CONV_ID}`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(conversation(true)) }),
    );
    const requests = await mockStream(page, [streamBody(planResponse)]);
    await page.goto(`/c/${CONV_ID}`);
    await expect(page.getByTestId("plan")).toBeVisible();
    await expect(page.getByTestId("readonly-notice")).toHaveCount(0);

    await page.getByTestId("share-button").click();
    await expect(page.getByTestId("share-button")).toContainText("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/c/${CONV_ID}`);

    await page.getByTestId("composer").fill("What about spot instances?");
    await page.getByTestId("composer").press("Enter");
    await expect(page.getByTestId("plan")).toHaveCount(2);
    expect(requests).toEqual([{ conversation_id: CONV_ID, message: "What about spot instances?" }]);
  });

  test("an unknown conversation shows a not-found page", async ({ page }) => {
    await mockHealth(page);
    await page.route("**/api/v1/chat/*", (route) =>
      route.fulfill({
        status: 404,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "not_found", message: "No such conversation" } }),
      }),
    );
    await page.goto("/c/00000000-0000-4000-8000-000000000000");
    await expect(page.getByTestId("conversation-not-found")).toContainText("Conversation not found");
    await expect(page.getByRole("link", { name: "Start a new conversation" })).toHaveAttribute("href", "/");
  });
});
