import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SubscriptionStatus } from "~/generated/prisma/enums";
import { menuAccess, sameAccess, type MenuAccess, type MenuAccessInput, type SubscriptionAccessInput } from "~/lib/menu-access";
import { REVIEW_STATES, type ReviewState } from "~/lib/review-state";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-12-01T12:00:00.000Z");
const policy = { graceDays: 7 };
const at = (days: number) => new Date(now.getTime() + days * DAY);

const STATUSES: readonly SubscriptionStatus[] = ["ON_TRIAL", "ACTIVE", "PAUSED", "PAST_DUE", "UNPAID", "CANCELLED", "EXPIRED"];

function subscription(status: SubscriptionStatus, dates: Partial<Omit<SubscriptionAccessInput, "status">> = {}): SubscriptionAccessInput {
  return { status, renewsAt: null, endsAt: null, pastDueSince: null, ...dates };
}

function approved(trialEndsAt: Date | null, sub: SubscriptionAccessInput | null = null): MenuAccessInput {
  return { reviewState: "APPROVED", trialEndsAt, subscription: sub };
}

const live = (basis: string, until: Date | null) => ({ live: true, basis, until, paymentRequired: false });
const offline = (reason: string, paymentRequired = true) => ({ live: false, reason, paymentRequired });

describe("menuAccess: the whole table", () => {
  // [case, input, expected] — trial ended a day ago unless the case says otherwise.
  const ended = at(-1);
  const table: Array<[string, MenuAccessInput, ReturnType<typeof live> | ReturnType<typeof offline>]> = [
    ["trial running, no subscription", approved(at(3)), live("TRIAL", at(3))],
    ["trial ended, no subscription", approved(ended), offline("TRIAL_ENDED")],
    ["no trial recorded, no subscription", approved(null), offline("TRIAL_ENDED")],
    ["trial ends exactly now", approved(now), offline("TRIAL_ENDED")],
    ["active", approved(ended, subscription("ACTIVE", { renewsAt: at(20) })), live("SUBSCRIPTION", null)],
    ["active with a renewal date already passed (renews_at alone never ends access)", approved(ended, subscription("ACTIVE", { renewsAt: at(-3) })), live("SUBSCRIPTION", null)],
    ["on_trial (Lemon Squeezy's own trial)", approved(ended, subscription("ON_TRIAL", { renewsAt: at(5) })), live("SUBSCRIPTION", null)],
    ["past_due within the grace period", approved(ended, subscription("PAST_DUE", { pastDueSince: at(-2) })), live("GRACE_PERIOD", at(5))],
    ["past_due, grace ends exactly now", approved(ended, subscription("PAST_DUE", { pastDueSince: at(-7) })), offline("GRACE_ENDED")],
    ["past_due after the grace period", approved(ended, subscription("PAST_DUE", { pastDueSince: at(-10) })), offline("GRACE_ENDED")],
    ["past_due without pastDueSince: grace runs from the missed renewal", approved(ended, subscription("PAST_DUE", { renewsAt: at(-1) })), live("GRACE_PERIOD", at(6))],
    ["past_due with no date at all", approved(ended, subscription("PAST_DUE")), offline("GRACE_ENDED")],
    ["cancelled, paid period still running", approved(ended, subscription("CANCELLED", { endsAt: at(12) })), live("CANCELLED_PERIOD", at(12))],
    ["cancelled, paid period over", approved(ended, subscription("CANCELLED", { endsAt: at(-1) })), offline("SUBSCRIPTION_ENDED")],
    ["cancelled without an end date", approved(ended, subscription("CANCELLED")), offline("SUBSCRIPTION_ENDED")],
    ["paused", approved(ended, subscription("PAUSED", { renewsAt: at(10) })), offline("SUBSCRIPTION_INACTIVE")],
    ["unpaid", approved(ended, subscription("UNPAID", { pastDueSince: at(-1) })), offline("SUBSCRIPTION_INACTIVE")],
    ["expired", approved(ended, subscription("EXPIRED", { endsAt: at(-1) })), offline("SUBSCRIPTION_INACTIVE")],
    ["expired, trial still running", approved(at(2), subscription("EXPIRED", { endsAt: at(-1) })), live("TRIAL", at(2))],
    ["paused, trial still running", approved(at(2), subscription("PAUSED")), live("TRIAL", at(2))],
    ["subscribed during the trial: open-ended", approved(at(2), subscription("ACTIVE")), live("SUBSCRIPTION", null)],
    ["cancelled during the trial, paid period ends later", approved(at(2), subscription("CANCELLED", { endsAt: at(30) })), live("CANCELLED_PERIOD", at(30))],
    ["cancelled during the trial, paid period ends sooner", approved(at(9), subscription("CANCELLED", { endsAt: at(4) })), live("TRIAL", at(9))],
    ["past due during the trial, grace ends later", approved(at(1), subscription("PAST_DUE", { pastDueSince: at(-1) })), live("GRACE_PERIOD", at(6))],
  ];

  it.each(table)("%s", (_case, input, expected) => {
    expect(menuAccess(input, now, policy)).toEqual(expected);
  });

  it.each(REVIEW_STATES.filter((state) => state !== "APPROVED"))("%s is offline whatever the billing says, with nothing to pay", (state) => {
    for (const status of STATUSES) {
      const input: MenuAccessInput = { reviewState: state, trialEndsAt: at(3), subscription: subscription(status, { endsAt: at(3), pastDueSince: now }) };
      expect(menuAccess(input, now, policy)).toEqual(offline("NOT_APPROVED", false));
    }
  });

  it("takes the grace period from the policy", () => {
    const input = approved(null, subscription("PAST_DUE", { pastDueSince: at(-2) }));
    expect(menuAccess(input, now, { graceDays: 3 })).toEqual(live("GRACE_PERIOD", at(1)));
    expect(menuAccess(input, now, { graceDays: 2 })).toEqual(offline("GRACE_ENDED"));
    expect(menuAccess(input, now, { graceDays: 0 })).toEqual(offline("GRACE_ENDED"));
  });
});

// Invariants over any input: dates within ±60 days of now, any status, any review state, any grace period.
const dateArb = fc.option(fc.integer({ min: -60 * 24, max: 60 * 24 }).map((hours) => new Date(now.getTime() + hours * 3_600_000)), { nil: null });
const subscriptionArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  renewsAt: dateArb,
  endsAt: dateArb,
  pastDueSince: dateArb,
});
const inputArb = fc.record({
  reviewState: fc.constantFrom<ReviewState>(...REVIEW_STATES),
  trialEndsAt: dateArb,
  subscription: fc.option(subscriptionArb, { nil: null }),
});
const graceArb = fc.integer({ min: 0, max: 30 });

describe("menuAccess: invariants", () => {
  it("a live menu's `until` is in the future, and at `until` it is no longer live", () => {
    fc.assert(
      fc.property(inputArb, graceArb, (input, graceDays) => {
        const access = menuAccess(input, now, { graceDays });
        if (!access.live || !access.until) return;
        expect(access.until.getTime()).toBeGreaterThan(now.getTime());
        expect(menuAccess(input, access.until, { graceDays }).live).toBe(false);
        // …and it stays live, on the same terms, right up to that moment.
        expect(sameAccess(menuAccess(input, new Date(access.until.getTime() - 1), { graceDays }), access)).toBe(true);
      }),
    );
  });

  it("with nothing changing, a menu that went offline stays offline", () => {
    fc.assert(
      fc.property(inputArb, graceArb, fc.integer({ min: 1, max: 90 * 24 }), (input, graceDays, laterHours) => {
        if (menuAccess(input, now, { graceDays }).live) return;
        expect(menuAccess(input, new Date(now.getTime() + laterHours * 3_600_000), { graceDays }).live).toBe(false);
      }),
    );
  });

  it("a subscription never takes away what the trial grants", () => {
    fc.assert(
      fc.property(inputArb, graceArb, (input, graceDays) => {
        const withoutSubscription = menuAccess({ ...input, subscription: null }, now, { graceDays });
        const withSubscription = menuAccess(input, now, { graceDays });
        if (!withoutSubscription.live) return;
        expect(withSubscription.live).toBe(true);
        if (withSubscription.live && withSubscription.until && withoutSubscription.until) {
          expect(withSubscription.until.getTime()).toBeGreaterThanOrEqual(withoutSubscription.until.getTime());
        }
      }),
    );
  });

  it("a longer grace period never ends access sooner", () => {
    fc.assert(
      fc.property(inputArb, graceArb, fc.integer({ min: 1, max: 30 }), (input, graceDays, more) => {
        const shorter = menuAccess(input, now, { graceDays });
        const longer = menuAccess(input, now, { graceDays: graceDays + more });
        if (shorter.live) expect(longer.live).toBe(true);
      }),
    );
  });

  it("payment is required exactly when an approved restaurant is offline", () => {
    fc.assert(
      fc.property(inputArb, graceArb, (input, graceDays) => {
        const access: MenuAccess = menuAccess(input, now, { graceDays });
        expect(access.paymentRequired).toBe(input.reviewState === "APPROVED" && !access.live);
      }),
    );
  });

  it("an active or on_trial subscription keeps an approved menu live with no end", () => {
    fc.assert(
      fc.property(inputArb, subscriptionArb, graceArb, fc.constantFrom<SubscriptionStatus>("ACTIVE", "ON_TRIAL"), (input, sub, graceDays, status) => {
        const access = menuAccess({ ...input, reviewState: "APPROVED", subscription: { ...sub, status } }, now, { graceDays });
        expect(access).toEqual(live("SUBSCRIPTION", null));
      }),
    );
  });
});

describe("sameAccess", () => {
  it("tells apart a changed end, a changed basis and a changed reason", () => {
    const a = menuAccess(approved(at(3)), now, policy);
    expect(sameAccess(a, menuAccess(approved(at(3)), now, policy))).toBe(true);
    expect(sameAccess(a, menuAccess(approved(at(4)), now, policy))).toBe(false);
    expect(sameAccess(a, menuAccess(approved(at(-1), subscription("ACTIVE")), now, policy))).toBe(false);
    expect(sameAccess(offline("TRIAL_ENDED") as MenuAccess, offline("GRACE_ENDED") as MenuAccess)).toBe(false);
  });
});
