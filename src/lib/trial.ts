export const TRIAL_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function trialEndFor(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + TRIAL_DAYS * DAY_MS);
}

/** Whole days left, counting a started day as a day: 7 right after approval, 0 once it has ended. */
export function trialDaysLeft(trialEndsAt: Date | null, now: Date): number {
  if (!trialEndsAt) return 0;
  return Math.max(0, Math.ceil((trialEndsAt.getTime() - now.getTime()) / DAY_MS));
}
