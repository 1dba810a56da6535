const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (value: number) => String(value).padStart(2, "0");

/**
 * "22 Nov 2026, 14:05 UTC". Admin pages show UTC so the audit date filter (whole UTC days) matches the times
 * on screen; it is spelled out by hand because Intl output differs between engines, and a list rendered on the
 * server and hydrated in the browser must produce the same text in both.
 */
export function formatDateTimeUtc(date: Date): string {
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${day}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const MINUTE_MS = 60 * 1000;
// Each unit with the rounded count at which the next larger unit takes over.
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["minute", MINUTE_MS, 60],
  ["hour", 60 * MINUTE_MS, 24],
  ["day", 24 * 60 * MINUTE_MS, Infinity],
];

/** "3 hours ago", "yesterday", "just now"; rounded, so 59m45s is "1 hour ago", never "60 minutes ago". */
export function timeAgo(date: Date, now: Date): string {
  const elapsed = date.getTime() - now.getTime();
  if (Math.abs(elapsed) < MINUTE_MS) return "just now";
  for (const [unit, size, next] of UNITS) {
    const count = Math.round(elapsed / size);
    if (Math.abs(count) < next) return relative.format(count, unit);
  }
  return "just now";
}

/** A video's length as players show it: "0:07", "12:30", "1:02:05"; never "0:00", so a short clip still shows a length. */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}
