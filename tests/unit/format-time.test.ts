import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTimeUtc, formatDuration, timeAgo } from "~/lib/format-time";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Run in a zone far from UTC so a helper that used local time would show a different day or hour.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Asia/Karachi"; // UTC+5, no daylight saving
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("formatDateTimeUtc", () => {
  it("runs where local time is not UTC (the premise of the tests below)", () => {
    expect(new Date("2026-11-22T21:30:00.000Z").getHours()).toBe(2);
  });

  it.each([
    ["2026-11-22T14:05:00.000Z", "22 Nov 2026, 14:05 UTC"],
    ["2026-01-01T00:00:00.000Z", "1 Jan 2026, 00:00 UTC"],
    ["2026-12-31T23:59:59.999Z", "31 Dec 2026, 23:59 UTC"],
    ["2028-02-29T09:07:00.000Z", "29 Feb 2028, 09:07 UTC"],
    ["2026-06-15T12:30:00.000Z", "15 Jun 2026, 12:30 UTC"],
  ])("%s → %j", (iso, text) => {
    expect(formatDateTimeUtc(new Date(iso))).toBe(text);
  });

  it("shows the UTC day, not the local one, late in the UTC evening", () => {
    // 02:30 on 23 Nov in Karachi; the audit filter's days are UTC days, so the list must say 22 Nov.
    expect(formatDateTimeUtc(new Date("2026-11-22T21:30:00.000Z"))).toBe("22 Nov 2026, 21:30 UTC");
  });

  it("truncates seconds instead of rounding into the next minute", () => {
    expect(formatDateTimeUtc(new Date("2026-11-22T14:05:59.000Z"))).toBe("22 Nov 2026, 14:05 UTC");
  });

  it("names every month", () => {
    const months = Array.from({ length: 12 }, (_, month) => formatDateTimeUtc(new Date(Date.UTC(2026, month, 10, 8))).split(" ")[1]);
    expect(months).toEqual(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]);
  });

  it("gives the same text for the same instant whatever the local zone", () => {
    const instant = new Date("2026-03-29T00:30:00.000Z");
    const texts = ["America/Los_Angeles", "UTC", "Pacific/Kiritimati"].map((zone) => {
      process.env.TZ = zone;
      return formatDateTimeUtc(instant);
    });
    process.env.TZ = "Asia/Karachi";
    expect(texts).toEqual(["29 Mar 2026, 00:30 UTC", "29 Mar 2026, 00:30 UTC", "29 Mar 2026, 00:30 UTC"]);
  });
});

describe("timeAgo", () => {
  const now = new Date("2026-11-22T14:05:00.000Z");
  const ago = (ms: number) => timeAgo(new Date(now.getTime() - ms), now);

  it.each([
    ["the same moment", 0, "just now"],
    ["30 seconds ago", 30 * 1000, "just now"],
    ["59 seconds ago", 59 * 1000, "just now"],
    ["one minute ago", MINUTE, "1 minute ago"],
    ["five minutes ago", 5 * MINUTE, "5 minutes ago"],
    ["59 minutes ago", 59 * MINUTE, "59 minutes ago"],
    ["one hour ago", HOUR, "1 hour ago"],
    ["three hours ago", 3 * HOUR, "3 hours ago"],
    ["one day ago", DAY, "yesterday"],
    ["three days ago", 3 * DAY, "3 days ago"],
    ["three weeks ago", 21 * DAY, "21 days ago"],
  ])("%s → %j", (_label, ms, text) => {
    expect(ago(ms)).toBe(text);
  });

  it("rounds to the nearest whole unit", () => {
    expect(ago(91 * MINUTE)).toBe("2 hours ago");
    expect(ago(89 * MINUTE)).toBe("1 hour ago");
    expect(ago(5 * MINUTE + 29 * 1000)).toBe("5 minutes ago");
  });

  it("moves up a unit when rounding reaches it, never '60 minutes ago' or '24 hours ago'", () => {
    expect(ago(59 * MINUTE + 45 * 1000)).toBe("1 hour ago");
    expect(ago(23 * HOUR + 45 * MINUTE)).toBe("yesterday");
  });

  it("says 'just now' for a date slightly in the future (clock skew) and counts forward beyond a minute", () => {
    expect(ago(-20 * 1000)).toBe("just now");
    expect(ago(-3 * HOUR)).toBe("in 3 hours");
  });
});

describe("formatDuration", () => {
  it.each([
    [7_000, "0:07"],
    [12_500, "0:13"],
    [750_000, "12:30"],
    [3_725_000, "1:02:05"],
    [200, "0:01"],
  ])("%d ms → %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
