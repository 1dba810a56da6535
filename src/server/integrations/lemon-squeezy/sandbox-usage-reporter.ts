import { createHash, randomUUID } from "node:crypto";
import { link, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { UsageReporter } from "./usage-reporter";

// The sandbox's side of usage: what Lemon Squeezy would hold for each subscription item, kept as files in the data
// folder, so the whole billing flow runs offline and any process on the machine (the app, `npm run worker`) sees
// the same records. Only the sandbox uses it; with LEMONSQUEEZY_API_KEY the records live in Lemon Squeezy.

export type SandboxUsageRecord = {
  /** Like Lemon Squeezy's usage-record id: what the UsageReport row keeps as lemonSqueezyId. */
  id: string;
  subscriptionItemId: string;
  quantity: number;
  action: "set";
  idempotencyKey: string;
  createdAt: string;
};

export function sandboxUsageDir(dataDir: string): string {
  return path.resolve(dataDir, "sandbox", "usage-records");
}

const fileIdOf = (idempotencyKey: string) => createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
// Lemon Squeezy's ids are numbers; the item's folder name must not let one escape the sandbox folder.
const itemDir = (dir: string, subscriptionItemId: string) => path.join(dir, subscriptionItemId.replace(/[^A-Za-z0-9_-]/g, "_"));
const isAlreadyThere = (error: unknown) => error instanceof Error && "code" in error && error.code === "EEXIST";
const isMissing = (error: unknown) => error instanceof Error && "code" in error && error.code === "ENOENT";

/**
 * Records each report once per idempotency key: the record is written aside and hard-linked into place, which fails
 * if it exists, so a report sent twice (or by two workers at once) leaves one record, and the first one's id is
 * answered both times.
 */
export function createSandboxUsageReporter(options: { dir: string; now?: () => Date }): UsageReporter {
  const now = options.now ?? (() => new Date());
  return {
    driver: "sandbox",
    async setUsage(usage) {
      const dir = itemDir(options.dir, usage.subscriptionItemId);
      const fileId = fileIdOf(usage.idempotencyKey);
      const target = path.join(dir, `${fileId}.json`);
      const scratch = path.join(dir, `.${fileId}.${randomUUID()}.tmp`);
      const record: SandboxUsageRecord = {
        id: `sandbox-usage-${fileId}`,
        subscriptionItemId: usage.subscriptionItemId,
        quantity: usage.quantity,
        action: "set",
        idempotencyKey: usage.idempotencyKey,
        createdAt: now().toISOString(),
      };
      await mkdir(dir, { recursive: true });
      await writeFile(scratch, JSON.stringify(record), { flag: "wx" });
      try {
        await link(scratch, target);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
      } finally {
        await rm(scratch, { force: true });
      }
      return { usageRecordId: record.id };
    },
  };
}

/** Every record of a subscription item, oldest first; the last one's quantity is the item's current usage. */
export async function readSandboxUsage(dir: string, subscriptionItemId: string): Promise<SandboxUsageRecord[]> {
  let names: string[];
  try {
    names = await readdir(itemDir(dir, subscriptionItemId));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const records = await Promise.all(
    names
      .filter((name) => name.endsWith(".json") && !name.startsWith("."))
      .map(async (name) => JSON.parse(await readFile(path.join(itemDir(dir, subscriptionItemId), name), "utf8")) as SandboxUsageRecord),
  );
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
