import { expect, test } from "@playwright/test";
import { CLAR_CONV_ID, CONV_ID, clarificationOne, clarificationTwo, healthSeeding, mockHealth, mockStream, planResponse, streamBody } from "./ui-fixtures";

test.describe("chat UI (mocked backend)", () => {
  test("typing a message streams a plan: sizing, compute rows, install commands; URL becomes /c/<id>", async ({ page }) => {
    await mockHealth(page);
    const requests = await mockStream(page, [streamBody(planResponse, { newConversation: true })]);
    await page.goto("/");

    await expect(page.getByRole("heading", { name: "What do you want to run?" })).toBeVisible();
    await expect(page.getByTestId("health-footer")).toContainText("20,431 instances");
    await expect(page.getByTestId("health-footer")).toContainText("offline engine");
    await expect(page.getByTestId("example-prompt")).toHaveCount(6);

    const composer = page.getByTestId("composer");
    await expect(page.getByTestId("send-button")).toBeDisabled();
    await composer.fill("Deploy Llama 3.1 70B for inference, budget $5000/month");
    await expect(page.getByTestId("composer-counter")).toContainText("54 / 8,000");
    await composer.press("Enter");

    await expect(page.getByTestId("message-user")).toHaveText(/Deploy Llama 3\.1 70B for inference/);
    const plan = page.getByTestId("plan");
    await expect(plan).toBeVisible();
    expect(requests).toEqual([{ message: "Deploy Llama 3.1 70B for inference, budget $5000/month" }]);

    // prose: the plan's summary (the markdown content repeats the plan for API clients and is not shown twice)
    await expect(page.getByTestId("plan-summary")).toContainText("Serve Llama 3.1 70B Instruct in bf16 with vLLM");
    await expect(page.getByTestId("message-assistant")).not.toContainText("needs about 164 GB of GPU memory");
    // sizing
    const sizing = page.getByTestId("plan-sizing");
    await expect(sizing.getByTestId("plan-sizing-total")).toHaveText("164 GB");
    await expect(sizing.getByTestId("plan-sizing-component")).toHaveCount(4);
    await expect(sizing.getByTestId("plan-sizing-component").first()).toContainText("Weights");
    await expect(sizing.getByTestId("plan-formula")).toContainText("70.6e9 params × 2 B (bf16)");
    await expect(sizing.getByTestId("plan-gpu-fit")).toContainText("48 GB");
    await expect(sizing.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // compute
    const rows = page.getByTestId("plan-compute-row");
    await expect(rows).toHaveCount(5);
    await expect(rows.first()).toHaveAttribute("data-recommended", "true");
    await expect(rows.first()).toContainText("Lambda");
    await expect(rows.first()).toContainText("4× RTX A6000 (192 GB)");
    await expect(rows.first()).toContainText("$3.20");
    await expect(rows.first()).toContainText("$2,336");
    await expect(rows.nth(1)).toContainText("$4.12");
    await expect(page.getByTestId("plan-compute").getByTestId("plan-budget")).toHaveAttribute("data-fits", "true");
    await expect(page.getByTestId("plan-compute")).toContainText("$2,336 of $5,000/mo");
    // models
    await expect(page.getByTestId("plan-model")).toHaveCount(3);
    await expect(page.getByTestId("plan-model").first().getByRole("link")).toHaveAttribute(
      "href",
      "https://huggingface.co/meta-llama/Llama-3.1-70B-Instruct",
    );
    // packages: 5 shown, then all 6
    const packages = page.getByTestId("plan-package");
    await expect(packages).toHaveCount(5);
    await expect(packages.first().getByTestId("plan-package-install")).toHaveText(
      "helm repo add vllm https://vllm-project.github.io/production-stack && helm install vllm vllm/vllm-stack --version 0.1.7",
    );
    await page.getByRole("button", { name: "Show 1 more" }).click();
    await expect(packages).toHaveCount(6);
    // steps, warnings, local cluster
    await expect(page.getByTestId("plan-steps").locator("li")).toHaveCount(5);
    await expect(page.getByTestId("plan-steps").locator("code").first()).toHaveText("gpu_4x_a6000");
    await expect(page.getByTestId("plan-warnings")).toContainText("gated");
    // each warning carries its severity from warning_details
    await expect(page.getByTestId("plan-warnings").locator('li[data-severity="info"]')).toHaveCount(2);
    await expect(page.getByTestId("plan-warnings").locator("li").first()).toContainText("Note");
    await expect(page.getByTestId("plan-local-cluster")).toContainText("Not connected");

    // shareable URL without a reload; the share button appears
    await expect(page).toHaveURL(new RegExp(`/c/${CONV_ID}$`));
    await expect(page.getByTestId("share-button")).toBeVisible();
    await expect(page.getByTestId("status-steps")).toHaveCount(0);
    await expect(composer).toBeEnabled();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("message-assistant").screenshot({ path: "test-results/ui-plan.png" });
  });

  test("a follow-up sends the conversation id; Shift+Enter adds a newline", async ({ page }) => {
    await mockHealth(page);
    const requests = await mockStream(page, [streamBody(planResponse, { newConversation: true }), streamBody(planResponse)]);
    await page.goto("/");
    await page.getByTestId("example-prompt").first().click();
    await expect(page.getByTestId("plan")).toBeVisible();
    const composer = page.getByTestId("composer");
    await composer.click();
    await composer.pressSequentially("Use spot instances");
    await composer.press("Shift+Enter");
    await composer.pressSequentially("and AWS only");
    await expect(composer).toHaveValue("Use spot instances\nand AWS only");
    await page.getByTestId("send-button").click();
    await expect(page.getByTestId("plan")).toHaveCount(2);
    expect(requests[0]).toEqual({ message: "Deploy Llama 3.1 70B for inference" });
    expect(requests[1]).toEqual({ conversation_id: CONV_ID, message: "Use spot instances\nand AWS only" });
  });

  test("clarification: one option per question, then Send answers", async ({ page }) => {
    await mockHealth(page);
    const requests = await mockStream(page, [
      streamBody(clarificationTwo, { newConversation: true }),
      streamBody({ ...planResponse, conversation_id: CLAR_CONV_ID }),
    ]);
    await page.goto("/");
    await page.getByTestId("composer").fill("I need some GPUs");
    await page.getByTestId("send-button").click();

    const card = page.getByTestId("clarification");
    await expect(card).toBeVisible();
    await expect(card).toContainText("What will the GPUs run?");
    await expect(card.getByTestId("clarification-option")).toHaveCount(8);
    const send = card.getByTestId("clarification-send");
    await expect(send).toBeDisabled();
    await card.getByRole("button", { name: "training" }).click();
    await card.getByRole("button", { name: "inference" }).click(); // changes the pick
    await expect(card.getByRole("button", { name: "inference" })).toHaveAttribute("aria-pressed", "true");
    await expect(card.getByRole("button", { name: "training" })).toHaveAttribute("aria-pressed", "false");
    await card.getByRole("button", { name: "$500/month" }).click();
    await send.click();

    await expect(page.getByTestId("message-user").nth(1)).toHaveText(/Task: inference\. Budget: \$500\/month/);
    await expect(page.getByTestId("plan")).toBeVisible();
    expect(requests[1]).toEqual({ conversation_id: CLAR_CONV_ID, message: "Task: inference. Budget: $500/month" });
    // the old clarification can no longer be answered
    await expect(card.getByTestId("clarification-option").first()).toBeDisabled();
  });

  test("clarification with one question sends the option on click", async ({ page }) => {
    await mockHealth(page);
    const requests = await mockStream(page, [streamBody(clarificationOne, { newConversation: true }), streamBody(planResponse)]);
    await page.goto("/");
    await page.getByTestId("composer").fill("serve a chat model");
    await page.getByTestId("composer").press("Enter");
    await page.getByTestId("clarification").getByTestId("clarification-option").filter({ hasText: "Llama 3.1 70B" }).click();
    await expect(page.getByTestId("plan")).toBeVisible();
    expect(requests[1]).toEqual({ conversation_id: CLAR_CONV_ID, message: "Llama 3.1 70B" });
  });

  test("an error event and a failed request show an alert with a retry", async ({ page }) => {
    await mockHealth(page, healthSeeding);
    let calls = 0;
    await page.route("**/api/chat/stream", async (route) => {
      calls++;
      if (calls === 1) {
        await route.fulfill({
          status: 200,
          contentType: "text/event-stream",
          body: `event: status\ndata: {"step":"requirements","message":"Understanding request…"}\n\nevent: error\ndata: {"error":{"code":"unavailable","message":"The model provider is unavailable."}}\n\n`,
        });
      } else {
        await route.fulfill({ status: 200, contentType: "text/event-stream", body: streamBody(planResponse, { newConversation: true }) });
      }
    });
    await page.goto("/");
    await expect(page.getByTestId("health-footer")).toContainText("catalog loading… (2/5)");
    await page.getByTestId("composer").fill("Deploy Llama 3.1 70B");
    await page.getByTestId("composer").press("Enter");
    await expect(page.getByTestId("message-error")).toContainText("The model provider is unavailable.");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("plan")).toBeVisible();
    await expect(page.getByTestId("message-user")).toHaveCount(1);
    await expect(page.getByTestId("message-error")).toHaveCount(0);
  });

  test("the composer enforces the 8000-character limit", async ({ page }) => {
    await mockHealth(page);
    await page.goto("/");
    const composer = page.getByTestId("composer");
    await composer.fill("x".repeat(8100));
    await expect(composer).toHaveValue("x".repeat(8000));
    await expect(page.getByTestId("composer-counter")).toContainText("8,000 / 8,000");
  });
});
