import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "~/server/services/email/templates/safe-html";
import { renderEmail, type RenderedEmail } from "~/server/services/email/templates/layout";
import { menuOfflineEmail } from "~/server/services/email/templates/menu-offline";
import { paymentFailedEmail } from "~/server/services/email/templates/payment-failed";
import { paymentRecoveredEmail } from "~/server/services/email/templates/payment-recovered";
import { restaurantApprovedEmail } from "~/server/services/email/templates/restaurant-approved";
import { restaurantRejectedEmail } from "~/server/services/email/templates/restaurant-rejected";
import { restaurantSubmittedEmail } from "~/server/services/email/templates/restaurant-submitted";
import { subscriptionCancelledEmail } from "~/server/services/email/templates/subscription-cancelled";
import { trialEndedEmail } from "~/server/services/email/templates/trial-ended";
import { trialEndingEmail } from "~/server/services/email/templates/trial-ending";

const HOSTILE = `<script>alert("owned")</script> & 'Sons' <img src=x onerror=alert(1)>`;
const URL = "https://foodar.example.com/dashboard/restaurants/r1/billing?a=1&b=2";
const WHEN = new Date("2026-11-29T10:00:00.000Z");

// Every message, rendered with a restaurant (and an owner, and a reason) named to break out of HTML.
const MESSAGES: Record<string, RenderedEmail> = {
  "restaurant-submitted": restaurantSubmittedEmail({ restaurantName: HOSTILE, city: HOSTILE, ownerEmail: "o@example.com", ownerName: HOSTILE, resubmitted: false, reviewUrl: URL }),
  "restaurant-approved": restaurantApprovedEmail({ restaurantName: HOSTILE, trialEndsAt: WHEN, menuUrl: URL, dashboardUrl: URL }),
  "restaurant-rejected": restaurantRejectedEmail({ restaurantName: HOSTILE, reason: HOSTILE, dashboardUrl: URL }),
  "trial-ends-in-3-days": trialEndingEmail({ restaurantName: HOSTILE, threshold: 3, trialEndsAt: WHEN, billingUrl: URL }),
  "trial-ends-in-1-day": trialEndingEmail({ restaurantName: HOSTILE, threshold: 1, trialEndsAt: WHEN, billingUrl: URL }),
  "trial-ended": trialEndedEmail({ restaurantName: HOSTILE, trialEndedAt: WHEN, billingUrl: URL }),
  "payment-failed": paymentFailedEmail({ restaurantName: HOSTILE, graceDaysLeft: 5, graceEndsAt: WHEN, updatePaymentUrl: URL, amount: { minor: 250_000, currency: "PKR" } }),
  "payment-recovered": paymentRecoveredEmail({ restaurantName: HOSTILE, amount: { minor: 125_050, currency: "PKR" }, renewsAt: WHEN, billingUrl: URL }),
  "subscription-cancelled": subscriptionCancelledEmail({ restaurantName: HOSTILE, liveUntil: WHEN, billingUrl: URL }),
  "menu-offline": menuOfflineEmail({ restaurantName: HOSTILE, reason: "grace-period-ended", billingUrl: URL }),
};

describe.each(Object.entries(MESSAGES))("the %s email", (_name, email) => {
  it("escapes every value in the HTML part", () => {
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<img");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &#39;Sons&#39;");
    // The only tags are the layout's own.
    const tags = new Set([...email.html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => match[1]?.toLowerCase()));
    expect([...tags].every((tag) => ["html", "head", "meta", "title", "body", "div", "table", "tr", "td", "h1", "p", "a"].includes(tag ?? ""))).toBe(true);
  });

  it("has a plain-text part with the values as they are, and a one-line subject", () => {
    expect(email.text.length).toBeGreaterThan(50);
    expect(email.text).toContain(HOSTILE);
    expect(email.text).not.toMatch(/&amp;|&lt;|<p>/);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain(HOSTILE);
  });

  it("links with the URL escaped in HTML and written out in the text", () => {
    expect(email.html).toContain('href="https://foodar.example.com/dashboard/restaurants/r1/billing?a=1&amp;b=2"');
    expect(email.text).toContain(URL);
  });
});

describe("the payment emails", () => {
  it("show the days of grace left, the date in Pakistan and the amount in rupees", () => {
    const { text, subject } = MESSAGES["payment-failed"] ?? { text: "", subject: "" };
    expect(subject).toContain("update your card within 5 days");
    expect(text).toMatch(/Amount due: Rs\s2,500\.00/);
    expect(text).toContain("Days left: 5 days");
    // 10:00 UTC on the 29th is 15:00 in Karachi, the same day; 20:00 UTC would already be the 30th there.
    expect(text).toContain("Menu goes offline: 29 November 2026");
    const late = paymentFailedEmail({ restaurantName: "Cafe", graceDaysLeft: 0, graceEndsAt: new Date("2026-11-29T20:00:00Z"), updatePaymentUrl: URL, amount: null });
    expect(late.text).toContain("Menu goes offline: 30 November 2026");
    expect(late.subject).toContain("update your card today");
    expect(MESSAGES["payment-recovered"]?.text).toMatch(/Paid: Rs\s1,250\.50/);
  });
});

describe("the layout", () => {
  it("leaves out a link that is not a web address, in both parts", () => {
    const email = renderEmail("Hello", { preview: "p", heading: "h", paragraphs: ["x"], action: { label: "Click", url: "javascript:alert(1)" } });
    expect(email.html).not.toContain("javascript:");
    expect(email.text).not.toContain("javascript:");
  });

  it("keeps a subject on one line", () => {
    expect(renderEmail("Bcc: x@example.com\r\nHello", { preview: "", heading: "h", paragraphs: [] }).subject).toBe("Bcc: x@example.com Hello");
  });

  it("escapes interpolations but not HTML built by html``", () => {
    expect(escapeHtml(`<a href="x">'</a>&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;&amp;");
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${[inner, inner]}${null}${42}</p>`.value).toBe("<p><b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b>42</p>");
  });
});
