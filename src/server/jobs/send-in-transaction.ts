import PgBoss from "pg-boss";
import type { Db } from "~/server/db-client";
import { JOBS_SCHEMA } from "./job-queues";

type Tx = Pick<Db, "$queryRawUnsafe">;

// Never started: it only builds pg-boss's insert, which runs on the caller's transaction.
const sender = new PgBoss({
  schema: JOBS_SCHEMA,
  db: {
    executeSql: () => Promise.reject(new Error("sendInTransaction passes the transaction for each job")),
  },
});

// pg-boss hands the job's data to the driver as an object; Prisma binds parameters by their JS type, so the
// jsonb argument goes over as its text.
function bindable(value: unknown): unknown {
  return value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value;
}

/**
 * Inserts a job on the caller's transaction: it exists exactly when the rows it is about were committed, so a
 * crash between the commit and a separate send can neither lose it nor run it for rows that were rolled back.
 */
export async function sendInTransaction(tx: Tx, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string> {
  const id = await insertJob(tx, queue, data, options);
  // pg-boss inserts nothing, silently, into a queue that does not exist.
  if (!id) throw missingQueue(queue);
  return id;
}

/**
 * Like sendInTransaction, for a queue with the "short" policy: when a job with the same singleton key is already
 * waiting to start, nothing is inserted and null is returned (that job will do the work), so a burst of causes
 * within `startAfterSeconds` of the first one queues a single job.
 */
export async function sendDebouncedInTransaction(
  tx: Tx,
  queue: string,
  data: object,
  options: { singletonKey: string; startAfterSeconds: number },
): Promise<string | null> {
  const id = await insertJob(tx, queue, data, { singletonKey: options.singletonKey, startAfter: options.startAfterSeconds });
  if (id) return id;
  const waiting = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND singleton_key = $2 AND state = 'created'`,
    queue,
    options.singletonKey,
  );
  if (waiting.length === 0) throw missingQueue(queue);
  return null;
}

function insertJob(tx: Tx, queue: string, data: object, options: PgBoss.SendOptions): Promise<string | null> {
  return sender.send(queue, data, {
    ...options,
    db: {
      executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(bindable)) }),
    },
  });
}

const missingQueue = (queue: string) => new Error(`The ${queue} job could not be queued: is the ${queue} queue missing? Run npm run db:migrate.`);
