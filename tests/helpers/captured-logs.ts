import { writeLogsTo } from "~/server/log/logger";

export type LogLine = Record<string, unknown> & { level: string; msg: string };

/**
 * Collects what the app's logger writes until `stop()`; `raw` is the exact text that would reach stdout. A test
 * that re-imports the app's modules (vi.resetModules) passes the `writeLogsTo` of the logger those modules use.
 */
export function captureLogs(redirect: typeof writeLogsTo = writeLogsTo) {
  const chunks: string[] = [];
  const stop = redirect({ write: (chunk: string) => void chunks.push(chunk) });
  const raw = () => chunks.join("");
  const lines = (): LogLine[] =>
    raw()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  return { raw, lines, stop };
}
