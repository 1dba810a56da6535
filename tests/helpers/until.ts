import { setTimeout as sleep } from "node:timers/promises";

/** Polls `probe` until it returns something truthy and returns that, or fails naming what it waited for. */
export async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 60_000, stepMs = 200 }: { timeoutMs?: number; stepMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(stepMs);
  }
}
