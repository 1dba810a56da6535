import { describe, expect, it } from "vitest";
import { cardBrandOf, isExpired, parseExpiry, passesLuhn, sandboxCardSchema } from "~/schemas/billing-sandbox";
import { addOneMonth, nextVendorTime, vendorTime } from "~/server/services/billing-sandbox/sandbox-store";
import { canCancel, canResume, canSubscribe } from "~/server/services/billing/billing-overview";

const at = (iso: string) => new Date(iso);

describe("the sandbox's card checks", () => {
  it("accepts the test cards and refuses a mistyped number, an expired or malformed date and a short code", () => {
    expect(passesLuhn("4242424242424242")).toBe(true);
    expect(passesLuhn("5555555555554444")).toBe(true);
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(parseExpiry("12 / 34")).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry("1234")).toEqual({ month: 12, year: 2034 });
    expect(parseExpiry("13/34")).toBeNull();
    expect(isExpired({ month: 11, year: 2026 }, at("2026-11-30T23:00:00Z"))).toBe(false);
    expect(isExpired({ month: 11, year: 2026 }, at("2026-12-01T00:00:00Z"))).toBe(true);

    const card = { number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Bilal" };
    expect(sandboxCardSchema.parse(card).number).toBe("4242424242424242");
    const problems = (input: typeof card) => sandboxCardSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(problems({ ...card, number: "4242" })).toEqual(["Enter the card number: 13 to 19 digits"]);
    expect(problems({ ...card, expiry: "01 / 20" })).toEqual(["This card has expired"]);
    expect(problems({ ...card, cvc: "12" })).toEqual(["Enter the 3 or 4 digit security code"]);
    expect(problems({ ...card, name: " " })).toEqual(["Enter the name on the card"]);
  });

  it("names the card's network as Lemon Squeezy's card_brand does", () => {
    expect(cardBrandOf("4242424242424242")).toBe("visa");
    expect(cardBrandOf("5555555555554444")).toBe("mastercard");
    expect(cardBrandOf("2223003122003222")).toBe("mastercard");
    expect(cardBrandOf("378282246310005")).toBe("american_express");
    expect(cardBrandOf("9999999999999995")).toBe("unknown");
  });
});

describe("the sandbox's clock", () => {
  it("renews a month later, the 31st on the month's last day", () => {
    expect(addOneMonth(at("2026-11-22T10:00:00.000Z"))).toEqual(at("2026-12-22T10:00:00.000Z"));
    expect(addOneMonth(at("2027-01-31T08:00:00.000Z"))).toEqual(at("2027-02-28T08:00:00.000Z"));
    expect(addOneMonth(at("2026-12-15T00:00:00.000Z"))).toEqual(at("2027-01-15T00:00:00.000Z"));
  });

  it("moves updated_at forward on every change, even within one millisecond, and writes microseconds", () => {
    const now = at("2026-11-22T10:00:00.000Z");
    expect(nextVendorTime(null, now)).toEqual(now);
    expect(nextVendorTime(at("2026-11-22T09:00:00.000Z"), now)).toEqual(now);
    expect(nextVendorTime(now, now)).toEqual(at("2026-11-22T10:00:00.001Z"));
    expect(nextVendorTime(at("2026-11-22T10:00:05.000Z"), now)).toEqual(at("2026-11-22T10:00:05.001Z"));
    expect(vendorTime(now)).toBe("2026-11-22T10:00:00.000000Z");
  });
});

describe("which billing actions an owner is offered", () => {
  const now = at("2026-11-22T10:00:00Z");
  const later = at("2026-12-22T10:00:00Z");
  const earlier = at("2026-11-01T10:00:00Z");

  it("subscribe without a subscription or once it gives nothing; resume a cancelled one still paid for; cancel a running one", () => {
    expect(canSubscribe(null, now)).toBe(true);
    for (const status of ["EXPIRED", "UNPAID", "PAUSED"] as const) expect(canSubscribe({ status, endsAt: null }, now)).toBe(true);
    for (const status of ["ACTIVE", "ON_TRIAL", "PAST_DUE"] as const) {
      expect(canSubscribe({ status, endsAt: null }, now)).toBe(false);
      expect(canCancel({ status, endsAt: null })).toBe(true);
    }
    expect(canSubscribe({ status: "CANCELLED", endsAt: later }, now)).toBe(false);
    expect(canResume({ status: "CANCELLED", endsAt: later }, now)).toBe(true);
    expect(canSubscribe({ status: "CANCELLED", endsAt: earlier }, now)).toBe(true);
    expect(canResume({ status: "CANCELLED", endsAt: earlier }, now)).toBe(false);
    expect(canCancel({ status: "CANCELLED", endsAt: later })).toBe(false);
    expect(canCancel(null)).toBe(false);
  });
});
