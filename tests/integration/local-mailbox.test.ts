import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingEmail } from "~/server/integrations/email/email-sender";
import { createLocalMailboxSender, mailboxFileId } from "~/server/integrations/email/local-mailbox";
import { listLocalMailbox, readLocalMailboxMessage } from "~/server/integrations/email/read-local-mailbox";
import { loadMailbox } from "~/server/services/email/mailbox";
import { paymentFailedEmail } from "~/server/services/email/templates/payment-failed";
import { MailboxView } from "~/components/mailbox/mailbox-view";

let dir: string;
const SENT_AT = new Date("2026-11-20T08:30:00.000Z");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "foodar-mailbox-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sender = () => createLocalMailboxSender({ dir, from: "Foodar <hello@foodar.local>", now: () => SENT_AT });

const email = (overrides: Partial<OutgoingEmail>): OutgoingEmail => ({
  id: "0b4c9f0e-3d5e-4f7a-9a1b-2c3d4e5f6a7b",
  to: "owner@example.com",
  subject: "Hello",
  html: "<p>Hello</p>",
  text: "Hello",
  idempotencyKey: "key",
  ...overrides,
});

describe("the local mailbox driver", () => {
  it("writes a multipart/alternative message that a mail parser reads back whole, in any script", async () => {
    const rendered = paymentFailedEmail({
      restaurantName: "کراچی گرل <Karachi Grill>",
      graceDaysLeft: 6,
      graceEndsAt: new Date("2026-11-27T08:30:00Z"),
      updatePaymentUrl: "https://pay.example.com/update?s=1&t=2",
      amount: { minor: 250_000, currency: "PKR" },
    });
    const { providerMessageId } = await sender().send(email({ ...rendered, to: "owner@example.com", idempotencyKey: "payment-failed:r1:x" }));
    const fileId = mailboxFileId("payment-failed:r1:x");
    expect(providerMessageId).toBe(`local-${fileId}`);

    const raw = await readFile(path.join(dir, `${fileId}.eml`), "utf8");
    expect(raw).toMatch(/^From: "Foodar" <hello@foodar\.local>\r\n/);
    expect(raw).toContain("Content-Type: multipart/alternative; boundary=");
    expect(raw).toContain("Content-Type: text/plain; charset=utf-8");
    expect(raw).toContain("Content-Type: text/html; charset=utf-8");
    expect(raw).toContain("Message-ID: <0b4c9f0e-3d5e-4f7a-9a1b-2c3d4e5f6a7b@foodar.local>");
    expect(raw.split("\r\n").every((line) => line.length <= 998)).toBe(true);

    const message = await readLocalMailboxMessage(dir, fileId);
    expect(message).toMatchObject({ from: "Foodar <hello@foodar.local>", to: ["owner@example.com"], subject: rendered.subject, date: SENT_AT });
    expect(message?.subject).toContain("کراچی گرل <Karachi Grill>");
    expect(message?.html).toBe(rendered.html);
    expect(message?.text).toBe(rendered.text);
  });

  it("keeps one message per idempotency key, also when two sends race", async () => {
    const before = (await readdir(dir)).length;
    const once = email({ idempotencyKey: "raced", subject: "First" });
    const results = await Promise.all([sender().send(once), sender().send({ ...once, subject: "Second" }), sender().send(once)]);
    expect(new Set(results.map((result) => result.providerMessageId)).size).toBe(1);
    const names = await readdir(dir);
    expect(names.length).toBe(before + 1);
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("lists nothing for a mailbox that was never written, and no message for a malformed id", async () => {
    expect(await listLocalMailbox(path.join(dir, "never-written"), { limit: 10 })).toEqual([]);
    expect(await readLocalMailboxMessage(dir, "../../etc/passwd")).toBeNull();
    expect(await readLocalMailboxMessage(dir, "0".repeat(32))).toBeNull();
  });
});

describe("the mailbox page's contents", () => {
  it("shows admins every message and owners only their own", async () => {
    await sender().send(email({ to: "other@example.com", subject: "For someone else", idempotencyKey: "other-owner" }));
    await sender().send(email({ to: "Owner@Example.com", subject: "For the owner", idempotencyKey: "this-owner" }));

    const asAdmin = await loadMailbox(dir, { email: "admin@example.com", role: "ADMIN" });
    expect(asAdmin.everyone).toBe(true);
    expect(asAdmin.messages.map((message) => message.subject)).toEqual(expect.arrayContaining(["For someone else", "For the owner"]));

    const asOwner = await loadMailbox(dir, { email: "owner@example.com", role: "OWNER" });
    expect(asOwner.everyone).toBe(false);
    expect(asOwner.messages.map((message) => message.subject)).not.toContain("For someone else");
    expect(asOwner.messages.map((message) => message.subject)).toContain("For the owner");

    // Another owner's message by its id is as good as missing.
    const othersId = mailboxFileId("other-owner");
    expect((await loadMailbox(dir, { email: "owner@example.com", role: "OWNER" }, othersId)).selected).toBeNull();
    expect((await loadMailbox(dir, { email: "other@example.com", role: "OWNER" }, othersId)).selected?.subject).toBe("For someone else");
  });

  it("renders the HTML part in an empty sandbox and the text part beside it", async () => {
    await sender().send(email({ subject: "Sandboxed", html: "<p>Hi</p><script>parent.alert(1)</script>", text: "Hi in text", idempotencyKey: "sandboxed" }));
    const { messages, selected, everyone } = await loadMailbox(dir, { email: "admin@example.com", role: "ADMIN" }, mailboxFileId("sandboxed"));
    const markup = renderToStaticMarkup(MailboxView({ messages, selected, everyone }));
    expect(markup).toMatch(/<iframe[^>]* sandbox=""/);
    // The HTML only ever reaches the page as the iframe's escaped srcdoc attribute.
    expect(markup).not.toContain("<script>parent.alert(1)</script>");
    expect(markup).toContain("&lt;script&gt;parent.alert(1)&lt;/script&gt;");
    expect(markup).toContain("Hi in text");
  });
});
