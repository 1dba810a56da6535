import { expect, test, type Page } from "@playwright/test";
import { signInAsAdmin, signInWithEmail, uniqueEmail } from "./support/sign-in";

async function createAndSubmit(page: Page, name: string) {
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);
}

async function openInAdminQueue(admin: Page, name: string) {
  await admin.goto("/admin");
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByRole("heading", { name })).toBeVisible();
}

test("an owner registers a restaurant, an admin approves it, and the owner's 7-day trial starts", async ({ page, browser }) => {
  const name = `Saddar Biryani ${Date.now().toString(36)}`;
  await signInWithEmail(page, uniqueEmail("owner"));
  await createAndSubmit(page, name);

  const admin = await signInAsAdmin(browser);
  await openInAdminQueue(admin, name);
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Approved/);

  await page.goto("/dashboard");
  const card = page.getByRole("article").filter({ hasText: name });
  await expect(card.getByTestId("review-state")).toHaveText(/Approved/);
  await expect(card.getByTestId("trial-days-left")).toContainText("7 days left");
});

test("a rejected restaurant shows the reason, is edited and resubmitted", async ({ page, browser }) => {
  const name = `Clifton Chai ${Date.now().toString(36)}`;
  const reason = "Please add your street address so customers can find you.";
  await signInWithEmail(page, uniqueEmail("owner"));
  await createAndSubmit(page, name);
  const restaurantUrl = page.url();

  const admin = await signInAsAdmin(browser);
  await openInAdminQueue(admin, name);
  await admin.getByRole("button", { name: "Reject" }).click();
  await admin.getByLabel("Reason").fill(reason);
  await admin.getByRole("button", { name: "Confirm" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Rejected/);

  await page.goto(restaurantUrl);
  await expect(page.getByTestId("review-state")).toHaveText(/Rejected/);
  await expect(page.getByTestId("review-reason")).toContainText(reason);
  await page.getByLabel("Street address").fill("Plot 14, Block 5, Clifton");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();
  await page.getByRole("button", { name: "Resubmit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);
  await expect(page.getByTestId("review-reason")).toHaveCount(0);

  await admin.goto("/admin");
  await expect(admin.getByRole("link", { name })).toBeVisible();
});

test("a name with HTML is stored as text and shown escaped", async ({ page }) => {
  const name = `<script>alert(1)</script> Grill ${Date.now().toString(36)}`;
  let dialogOpened = false;
  page.on("dialog", async (dialog) => {
    dialogOpened = true;
    await dialog.dismiss();
  });
  await signInWithEmail(page, uniqueEmail("owner"));
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByText(name)).toBeVisible();
  expect(dialogOpened).toBe(false);
});

test("bad input shows field errors and creates nothing", async ({ page }) => {
  await signInWithEmail(page, uniqueEmail("owner"));
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill("x".repeat(300));
  await page.getByLabel("Web address").fill("admin");
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByText("Name must be at most 120 characters")).toBeVisible();
  await expect(page.getByText(/reserved/)).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/restaurants\/new/);
  await page.goto("/dashboard");
  await expect(page.getByRole("article")).toHaveCount(0);
});
