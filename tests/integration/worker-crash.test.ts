import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResendEmailSender } from "~/server/integrations/email/resend-email-sender";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { createSupabaseModelStorage } from "~/server/integrations/model-storage/supabase-model-storage";
import { EMAILS_QUEUE, FILE_DELETIONS_QUEUE } from "~/server/jobs/job-queues";
import { startJobRunner, type JobRunner } from "~/server/jobs/job-runner";
import { sendInTransaction } from "~/server/jobs/send-in-transaction";
import { enqueueEmail } from "~/server/services/email/enqueue-email";
import { enqueueFileDeletions } from "~/server/services/files/file-deletions";
import { createRestaurant, createUser } from "../helpers/factories";
import { WORKER_EMAIL_FROM, WORKER_RESEND_KEY, WORKER_SUPABASE_BUCKET, WORKER_SUPABASE_KEY } from "../helpers/job-worker-process";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";
import { until } from "../helpers/until";

// A worker process is killed (SIGKILL: no shutdown, no rollback by the app) while two jobs are in the middle of a
// provider call that never answers: an outbox email to Resend and a file deletion from Supabase Storage. A second
// runner must retry both, once their expiry has passed, and each must take effect exactly once.

let t: TestDatabase;
let dataDir: string;
let provider: Server;
let providerUrl: string;
let worker: ChildProcess | null = null;
let runner: JobRunner | null = null;

type Call = { key: string; answered: boolean };
const resendCalls: Call[] = [];
const supabaseCalls: Call[] = [];
/** Resend keeps its Idempotency-Key promise: the first request with a key decides the message id. */
const acceptedByKey = new Map<string, string>();
const supabaseObjects = new Set<string>();
/** While true, the provider takes every request and never answers (the worker is then stuck mid-job). */
let hang = true;

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function reply(response: ServerResponse, status: number, json: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const text = await body(request);
  if (request.method === "POST" && request.url === "/emails") {
    if (request.headers.authorization !== `Bearer ${WORKER_RESEND_KEY}`) return reply(response, 401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
    const key = String(request.headers["idempotency-key"] ?? "");
    // Accepted on arrival, as Resend does; whether the answer gets back is another matter.
    if (!acceptedByKey.has(key)) acceptedByKey.set(key, `resend-${randomUUID()}`);
    resendCalls.push({ key, answered: !hang });
    if (hang) return;
    return reply(response, 200, { id: acceptedByKey.get(key) });
  }
  if (request.method === "DELETE" && request.url === `/storage/v1/object/${WORKER_SUPABASE_BUCKET}`) {
    if (request.headers.authorization !== `Bearer ${WORKER_SUPABASE_KEY}`) return reply(response, 403, { statusCode: "403", error: "Unauthorized", message: "invalid key" });
    const { prefixes } = JSON.parse(text) as { prefixes: string[] };
    for (const key of prefixes) supabaseCalls.push({ key, answered: !hang });
    if (hang) return;
    const removed = prefixes.filter((key) => supabaseObjects.delete(key));
    return reply(response, 200, removed.map((name) => ({ name, bucket_id: WORKER_SUPABASE_BUCKET })));
  }
  return reply(response, 404, { message: `no route ${request.method ?? ""} ${request.url ?? ""}` });
}

beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), "foodar-worker-crash-"));
  provider = createServer((request, response) => void handle(request, response).catch(() => reply(response, 500, { message: "test server error" })));
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  await runner?.stop();
  provider.closeAllConnections();
  await new Promise((resolve) => provider.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});


/** The project's job runner in a process of its own (see job-worker-process.ts). */
function startWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../helpers/job-worker-process.ts")], {
    env: { ...process.env, DATABASE_URL: t.url, FAULT_RESEND_URL: providerUrl, FAULT_SUPABASE_URL: providerUrl, FAULT_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready\n")) resolve(child);
    });
    child.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString()));
    child.once("exit", (code, signal) => reject(new Error(`The worker process exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

type JobRow = { id: string; state: string; retry_count: number };
const jobRow = async (id: string) => (await t.db.$queryRaw<JobRow[]>`SELECT id::text, state::text, retry_count FROM pgboss.job WHERE id = ${id}::uuid`)[0];

describe("a worker killed mid-job", () => {
  it("leaves the email and the file deletion pending, and a second runner retries each job and applies it exactly once", async () => {
    const owner = await createUser(t.db);
    const restaurant = await createRestaurant(t.db, owner.id);
    const modelKey = `${restaurant.id}/${randomUUID()}.glb`;
    supabaseObjects.add(modelKey);

    const emailId = await t.db.$transaction((tx) =>
      enqueueEmail(tx, { template: "test", to: "owner@example.com", subject: "Crash test", html: "<p>Hi</p>", text: "Hi", dedupeKey: `crash:${randomUUID()}` }),
    );
    if (!emailId) throw new Error("not queued");
    const emailJobId = (await t.db.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = ${EMAILS_QUEUE} AND data->>'emailId' = ${emailId}`)[0]?.id ?? "";
    await enqueueFileDeletions(t.db, [{ store: "MODEL_SUPABASE", key: modelKey, restaurantId: restaurant.id }]);
    const deletionJobId = await t.db.$transaction((tx) => sendInTransaction(tx, FILE_DELETIONS_QUEUE, {}));
    // Test-only timing for these two jobs: production's expiries are 2 and 15 minutes, and its retry delays
    // 15 and 30 s with backoff. The policy under test (expiry, then retry) is pg-boss's, unchanged.
    await t.db.$executeRaw`
      UPDATE pgboss.job SET expire_in = interval '3 seconds', retry_delay = 1, retry_backoff = false
      WHERE id IN (${emailJobId}::uuid, ${deletionJobId}::uuid)`;

    worker = await startWorkerProcess();
    await until("the worker to call both providers", () => resendCalls.length >= 1 && supabaseCalls.length >= 1);
    expect(await jobRow(emailJobId)).toMatchObject({ state: "active", retry_count: 0 });
    expect(await jobRow(deletionJobId)).toMatchObject({ state: "active", retry_count: 0 });

    // Mid-job: each row is held by the worker's open transaction while it waits on the provider.
    const unlocked = () =>
      t.db.$transaction(async (tx) => {
        const email = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "EmailMessage" WHERE id = ${emailId}::uuid FOR UPDATE SKIP LOCKED`;
        const file = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "FileDeletion" WHERE key = ${modelKey} FOR UPDATE SKIP LOCKED`;
        return email.length === 1 && file.length === 1;
      });
    expect(await unlocked()).toBe(false);

    const exited = new Promise((resolve) => worker?.once("exit", resolve));
    worker.kill("SIGKILL");
    await exited;

    // The killed attempts' transactions were rolled back by PostgreSQL: nothing recorded, nothing lost.
    await until("the killed worker's row locks to be released", unlocked);
    expect(await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "PENDING", attempts: 0, sentAt: null });
    expect(await t.db.fileDeletion.findFirstOrThrow({ where: { key: modelKey } })).toMatchObject({ doneAt: null, attempts: 0 });
    // pg-boss does not know the process died: the jobs stay active until they expire.
    expect(await jobRow(emailJobId)).toMatchObject({ state: "active" });

    hang = false;
    const supabase = createSupabaseModelStorage({ url: providerUrl, serviceRoleKey: WORKER_SUPABASE_KEY, bucket: WORKER_SUPABASE_BUCKET });
    runner = await startJobRunner({
      connectionString: t.url,
      removers: { MODEL_SUPABASE: (key) => supabase.remove([key]) },
      modelStorage: createLocalModelStorage({ root: path.join(dataDir, "models"), secret: "w".repeat(32) }),
      emailSender: createResendEmailSender({ apiKey: WORKER_RESEND_KEY, from: WORKER_EMAIL_FROM, baseUrl: providerUrl }),
      usageReporter: createSandboxUsageReporter({ dir: path.join(dataDir, "usage") }),
      modelTimeoutMs: 30_000,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
    });

    const email = await until("the email to be sent by the second runner", async () => {
      const row = await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      return row.status === "SENT" ? row : null;
    });
    const deletion = await until("the file deletion to be done by the second runner", async () => {
      const row = await t.db.fileDeletion.findFirstOrThrow({ where: { key: modelKey } });
      return row.doneAt ? row : null;
    });
    const emailJob = await until("the email job to complete", async () => {
      const row = await jobRow(emailJobId);
      return row?.state === "completed" ? row : null;
    });
    const deletionJob = await until("the deletion job to complete", async () => {
      const row = await jobRow(deletionJobId);
      return row?.state === "completed" ? row : null;
    });

    // Each job was retried once: its first attempt died with the process.
    expect(emailJob.retry_count).toBe(1);
    expect(deletionJob.retry_count).toBe(1);
    // The email: sent once. The retry carried the same Idempotency-Key, so Resend answered with the message the
    // killed attempt had already handed over, and the outbox records that one, after one (committed) attempt.
    const key = (await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId } })).dedupeKey;
    expect(resendCalls.map((call) => call.key)).toEqual([key, key]);
    expect(acceptedByKey.size).toBe(1);
    expect(email).toMatchObject({ attempts: 1, lastError: null, providerMessageId: acceptedByKey.get(key) });
    // The file: removed by the retry, the row done once.
    expect(supabaseObjects.has(modelKey)).toBe(false);
    expect(supabaseCalls.filter((call) => call.answered).map((call) => call.key)).toEqual([modelKey]);
    expect(deletion).toMatchObject({ attempts: 1, lastError: null });

    console.info(
      `worker-crash: 1 worker SIGKILLed with 2 jobs mid-provider-call; both retried once by a second runner (retry_count 1, completed); ` +
        `Resend calls ${resendCalls.length} with one Idempotency-Key -> 1 message; Supabase removes ${supabaseCalls.length} (1 answered) -> file gone, deletion row done after 1 attempt`,
    );
  }, 90_000);
});
