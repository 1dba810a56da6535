import { describe, expect, it } from "vitest";
import { TRIAL_DAYS, trialDaysLeft, trialEndFor } from "~/lib/trial";
import { trialLabel } from "~/lib/trial-label";

describe("trialLabel", () => {
  it.each([
    [7, "7 days left"],
    [2, "2 days left"],
    [1, "1 day left"],
    [0, "ended"],
  ])("%i days → %j", (days, label) => {
    expect(trialLabel(days)).toBe(label);
  });

  it("says the trial ended rather than showing a negative count", () => {
    expect(trialLabel(-1)).toBe("ended");
    expect(trialLabel(-30)).toBe("ended");
  });

  it("reads naturally for every day of a trial, from approval to past its end", () => {
    const approvedAt = new Date("2026-11-01T10:00:00.000Z");
    const end = trialEndFor(approvedAt);
    const hour = 60 * 60 * 1000;
    const labels = new Set<string>();
    for (let offset = 0; offset <= (TRIAL_DAYS + 1) * 24 * hour; offset += 5 * hour) {
      labels.add(trialLabel(trialDaysLeft(end, new Date(approvedAt.getTime() + offset))));
    }
    expect([...labels]).toEqual([
      "7 days left",
      "6 days left",
      "5 days left",
      "4 days left",
      "3 days left",
      "2 days left",
      "1 day left",
      "ended",
    ]);
  });
});
