import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomInt, randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import config from "../playwright.config";
import { subscriptionEvent } from "../tests/helpers/lemon-squeezy-events";
import { addProductAndEdit, createRestaurantMenu } from "./support/menu";
import { signInAsAdmin, signInWithEmail, uniqueEmail } from "./support/sign-in";

// Instances share nothing but PostgreSQL (docs/deploy.md, "Several instances"). Beside the web server of this run
// (instance A, RATE_LIMITS=off like every spec) this file starts two more `next start` from the same build on the
// same database, B and C, with rate limits on, each with its own in-process job runner, and drives them over HTTP.

const webServer = Array.isArray(config.webServer) ? config.webServer[0] : config.webServer;
const serverEnv = webServer?.env ?? {};
const portA = Number(process.env.E2E_PORT ?? 3300);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54339);
// The database scripts/start.ts creates on the embedded PostgreSQL it started for instance A.
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/foodar`;
const WEBHOOK_SECRET = serverEnv.LEMONSQUEEZY_WEBHOOK_SECRET ?? "";
const urlA = `http://localhost:${portA}`;
const urlB = `http://localhost:${portA + 1}`;
const urlC = `http://localhost:${portA + 2}`;

type Instance = { url: string; child: ChildProcess; output: () => string };
const instances: Instance[] = [];

async function startInstance(url: string): Promise<Instance> {
  const port = new URL(url).port;
  const child = spawn("node_modules/.bin/next", ["start", "--port", port], {
    env: { ...process.env, ...serverEnv, NODE_ENV: "production", PORT: port, DATABASE_URL, RATE_LIMITS: "on" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const instance = { url, child, output: () => output };
  instances.push(instance);
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`the instance on ${url} exited with ${child.exitCode}:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the instance on ${url} did not answer /api/health within 60 s:\n${output}`);
}

async function stopInstance({ child }: Instance) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await Promise.all([startInstance(urlB), startInstance(urlC)]);
});

test.afterAll(async () => {
  test.setTimeout(40_000);
  await Promise.all(instances.map(stopInstance));
});

/** A new owner's restaurant with one dish, created on A and approved by the admin on `approveOn`; ends on its settings page. */
async function approvedRestaurant(page: Page, browser: Browser, approveOn: string) {
  await createRestaurantMenu(page);
  const menuUrl = page.url();
  await addProductAndEdit(page, "Seekh kebab", "850");
  const editUrl = page.url();
  await page.goto(menuUrl.replace(/\/menu$/, ""));
  const name = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  const slug = (await page.getByText(/^\/m\//).first().textContent())?.trim().replace(/^\/m\//, "") ?? "";
  expect(slug).not.toBe("");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Waiting for review/);

  // The session cookie is signed with the shared AUTH_SECRET and scoped to the host, so it holds on every port.
  const admin = await signInAsAdmin(browser);
  await admin.goto(`${approveOn}/admin`);
  await admin.getByRole("link", { name }).click();
  await admin.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByTestId("review-state")).toHaveText(/Approved/);
  await admin.context().close();
  return { name, slug, editUrl };
}

test("a dish edited through instance A is on the menu instance B has cached within 1 second", async ({ page, browser, request }) => {
  test.setTimeout(60_000);
  const { slug, editUrl } = await approvedRestaurant(page, browser, urlA);

  // Twice on B: the first request renders and caches the page, the second is served from B's cache.
  for (let i = 0; i < 2; i += 1) {
    const cached = await request.get(`${urlB}/m/${slug}`);
    expect(cached.status()).toBe(200);
    expect(await cached.text()).toContain("Seekh kebab");
  }

  await page.goto(editUrl);
  expect(new URL(page.url()).port).toBe(String(portA));
  await page.getByLabel("Name", { exact: true }).fill("Seekh kebab platter");
  const saved = page.waitForResponse((response) => response.url().includes("menu.products.update") && response.ok());
  await page.getByRole("button", { name: "Save product" }).click();
  await saved;
  const savedAt = Date.now();
  let html = "";
  while (Date.now() - savedAt < 1000) {
    html = await (await request.get(`${urlB}/m/${slug}`)).text();
    if (html.includes("Seekh kebab platter")) break;
  }
  expect(html).toContain("Seekh kebab platter");
  expect(Date.now() - savedAt).toBeLessThan(1000);
});

test("webhook deliveries split across A and B, duplicates included, are stored once each and leave the newest state", async ({ page, browser, request }) => {
  test.setTimeout(60_000);
  await signInWithEmail(page, uniqueEmail("two-instances-owner"));
  await page.goto("/dashboard/restaurants/new");
  await page.getByLabel("Name").fill(`Saddar Haleem ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Create restaurant" }).click();
  await expect(page.getByTestId("review-state")).toHaveText(/Draft/);
  const restaurantId = /restaurants\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  expect(restaurantId).not.toBe("");

  // One subscription's life in three events, the newest (cancelled) first in the queue, each delivered three times.
  const subscriptionId = String(randomInt(100_000_000, 999_999_999));
  const ids = { id: subscriptionId, orderId: randomInt(1e8, 1e9), customerId: randomInt(1e8, 1e9), itemId: randomInt(1e8, 1e9) };
  const start = new Date(Date.now() - 10 * 60_000);
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const endsAt = at(30 * 24 * 60);
  const created = subscriptionEvent("subscription_created", { ...ids, status: "active", updatedAt: at(0), createdAt: at(0) }, { restaurantId });
  const pastDue = subscriptionEvent("subscription_updated", { ...ids, status: "past_due", updatedAt: at(1), createdAt: at(0) }, { restaurantId });
  const cancelled = subscriptionEvent("subscription_cancelled", { ...ids, status: "cancelled", updatedAt: at(2), createdAt: at(0), endsAt }, { restaurantId });
  const deliveries = [cancelled, created, pastDue, created, cancelled, pastDue, pastDue, cancelled, created];

  const answers = await Promise.all(
    deliveries.map(async (event, index) => {
      const body = JSON.stringify(event);
      const response = await request.post(`${index % 2 === 0 ? urlA : urlB}/api/webhooks/lemon-squeezy`, {
        headers: { "content-type": "application/json", "x-signature": createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex") },
        data: body,
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { outcome: string }).outcome;
    }),
  );
  expect(answers.filter((outcome) => outcome === "duplicate")).toHaveLength(6);
  expect(answers.filter((outcome) => outcome === "processed" || outcome === "ignored")).toHaveLength(3);

  // The owner, on B: cancelled with the end of the paid period, whichever order the events were applied in.
  await page.goto(`${urlB}/dashboard/restaurants/${restaurantId}/billing`);
  const plan = page.getByRole("region", { name: "Monthly plan" });
  await expect(plan.getByTestId("subscription-status")).toHaveText("Cancelled");
  const endsOn = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Karachi" }).format(endsAt);
  await expect(plan.getByRole("term").filter({ hasText: /^Ends$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(endsOn);
  await expect(plan.getByRole("button", { name: "Resume subscription" })).toBeVisible();

  // The admin, on A: each of the three events stored once.
  const admin = await signInAsAdmin(browser);
  await admin.goto("/admin/webhooks");
  const stored = admin.getByRole("listitem").filter({ hasText: `subscriptions ${subscriptionId}` });
  await expect(stored).toHaveCount(3);
  for (const eventName of ["subscription_created", "subscription_updated", "subscription_cancelled"]) {
    await expect(stored.filter({ hasText: eventName })).toHaveCount(1);
  }
});

test("an approval on instance B sends the owner one email while three job runners share the queue", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const { name } = await approvedRestaurant(page, browser, urlB);

  await page.goto(`${urlC}/dev/mailbox`);
  const approved = page.getByRole("navigation", { name: "Messages" }).getByRole("link", { name: new RegExp(`${name} is approved`) });
  await expect(async () => {
    await page.reload();
    await expect(approved.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // Each runner polls its queues every second: a second delivery would have been written by now.
  await page.waitForTimeout(3_000);
  await page.reload();
  await expect(approved).toHaveCount(1);
});

test("beacons from one address spread over B and C are limited together, not per instance", async ({ request }) => {
  const address = `198.51.100.${randomInt(1, 255)}`;
  const beacon = (url: string, from: string) =>
    request.post(`${url}/api/menu-events`, {
      headers: { "content-type": "text/plain;charset=UTF-8", "x-forwarded-for": from },
      data: JSON.stringify({ restaurantId: randomUUID(), events: [{ type: "MENU_VIEW" }] }),
    });

  // The limit is 300 analytics batches a minute per address: 150 on each instance.
  for (let i = 0; i < 300; i += 1) {
    const response = await beacon(i % 2 === 0 ? urlB : urlC, address);
    expect(response.status(), `beacon ${i + 1}`).toBe(204);
  }
  for (const url of [urlB, urlC]) {
    const refused = await beacon(url, address);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many analytics batches in a short time\. Please wait \d+ seconds and try again\.$/);
  }
  // Another address is still served.
  expect((await beacon(urlC, "198.51.100.0")).status()).toBe(204);
});
