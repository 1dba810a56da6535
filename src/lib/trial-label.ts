/** "7 days left", "1 day left" or "ended"; the caller decides whether a trial applies at all. */
export function trialLabel(daysLeft: number): string {
  if (daysLeft <= 0) return "ended";
  return `${daysLeft} ${daysLeft === 1 ? "day" : "days"} left`;
}
