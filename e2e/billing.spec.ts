import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, signInWithEmail, uniqueEmail } from "./support/sign-in";

// The billing flow offline: no Lemon Squeezy key is set, so "Subscribe" opens the sandbox checkout, whose buttons
// send signed webhooks to the app's own webhook route; the billing page follows without a reload.

/** A new owner's restaurant, submitted and approved by an admin; ends on its settings page. */
async function approvedRestaurant(page: Page, browser: Parameters<typeof signInAsAdmin>[0], name: string, email: string) {
  await signInWithEmail(page, email);
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);
  const settingsUrl = page.url();

  const admin = await signInAsAdmin(browser);
  await admin.goto("/admin");
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Approved/);
  await admin.context().close();

  await page.goto(settingsUrl);
  await expect(page.getByTestId("review-state")).toHaveText(/Approved/);
}

test("an approved restaurant subscribes in the sandbox, a failed payment shows the grace period, and the mailbox has the emails", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const name = `Anarkali Tikka ${Date.now().toString(36)}`;
  const email = uniqueEmail("billing-owner");
  await approvedRestaurant(page, browser, name, email);

  // In the trial: the plan, the trial's days and the price for a menu with no dishes yet.
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("subscription-status")).toHaveText("Free trial");
  await expect(page.getByTestId("billing-trial")).toContainText("7 days left");
  await expect(page.getByTestId("invoice-estimate")).toContainText("Rs 2,500.00");

  // The sandbox checkout: order summary in rupees, the owner's email and the test card filled in.
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/billing\/sandbox\/checkout\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("due-today")).toHaveText("Rs 2,500.00");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Card number")).toHaveValue("4242 4242 4242 4242");
  await page.getByRole("button", { name: /^Pay Rs/ }).click();

  // Back on the billing page, active with no reload, the first invoice listed.
  await expect(page).toHaveURL(/\/dashboard\/restaurants\/[0-9a-f-]{36}\/billing/);
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");
  await expect(page.getByText("Visa ending in 4242")).toBeVisible();
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
  await expect(page.getByTestId("invoice-row")).toContainText("First payment");
  await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(0);

  // Lemon Squeezy fails the next payment: past due, with the grace days left and the way to a new card.
  await page.getByRole("link", { name: "Open in the billing sandbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Subscription #\d+$/ })).toBeVisible();
  await page.getByRole("button", { name: "Fail the next payment" }).click();
  await expect(page.getByTestId("sandbox-subscription")).toContainText("Past due");
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Past due");
  await expect(page.getByTestId("grace-days-left")).toContainText("Your menu stays live for 7 days more");
  await expect(page.getByRole("alert").getByRole("link", { name: "Update payment method" })).toHaveAttribute("href", /\/billing\/sandbox\/subscriptions\/\d+#payment-method$/);
  await expect(page.getByTestId("invoice-row").first()).toContainText("Payment failed, retrying");

  // The owner's mailbox: the approval and the failed payment (delivered by the emails job, so it may take a moment).
  await page.goto("/dev/mailbox");
  const messages = page.getByRole("navigation", { name: "Messages" });
  await expect(async () => {
    await page.reload();
    await expect(messages.getByRole("link", { name: new RegExp(`Payment failed for ${name}`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(messages.getByRole("link", { name: new RegExp(`${name} is approved`) })).toBeVisible();
});

test("a recovered payment clears the banner, and cancelling from the billing page shows without a reload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const name = `Burns Road Nihari ${Date.now().toString(36)}`;
  await approvedRestaurant(page, browser, name, uniqueEmail("billing-owner"));
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await page.getByRole("button", { name: /^Pay Rs/ }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");

  await page.getByRole("link", { name: "Open in the billing sandbox" }).click();
  await page.getByRole("button", { name: "Fail the next payment" }).click();
  await expect(page.getByTestId("sandbox-subscription")).toContainText("Past due");
  await page.getByRole("button", { name: "Recover" }).click();
  await expect(page.getByTestId("sandbox-subscription")).toContainText("Active");
  await page.getByRole("link", { name: "Billing", exact: true }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Active");
  await expect(page.getByTestId("grace-days-left")).toHaveCount(0);
  await expect(page.getByTestId("invoice-row")).toHaveCount(2);

  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("subscription-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Resume subscription" })).toBeVisible();
  await expect(page.getByText(/^Your menu is live until/)).toBeVisible();
});
