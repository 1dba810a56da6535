import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmailSendError, type EmailSender } from "~/server/integrations/email/email-sender";
import { createSandboxUsageReporter } from "~/server/integrations/lemon-squeezy/sandbox-usage-reporter";
import { createLocalModelStorage } from "~/server/integrations/model-storage/local-model-storage";
import { startJobRunner, type JobRunner } from "~/server/jobs/job-runner";
import { enqueueEmail } from "~/server/services/email/enqueue-email";
import { captureLogs } from "../helpers/captured-logs";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

// A queued email delivered by the real job runner to a provider that refuses it, quoting what it was sent the way
// some providers' errors do. The log must say which message failed and why, and nothing of what it said or to whom.
const TOKEN = "tok4f9c2e7a1b5d8e3f6a9c2b7";
const LINK = `https://foodar.example.com/invite/accept?token=${TOKEN}`;
const HTML = `<p>Ayesha, accept the invitation: <a href="${LINK}">join</a></p>`;
const TEXT = `Ayesha, accept the invitation: ${LINK}`;

const refusingSender: EmailSender = {
  driver: "resend",
  send(email) {
    const error = new EmailSendError(`Provider refused the message to ${email.to}: invalid link ${LINK} (api_key=re_live_9xYz12345678)`, false);
    return Promise.reject(Object.assign(error, { request: { html: email.html, text: email.text, headers: { authorization: "Bearer re_live_9xYz12345678" } } }));
  },
};

let t: TestDatabase;
let runner: JobRunner;

beforeAll(async () => {
  t = await createTestDatabase();
  runner = await startJobRunner({
    connectionString: t.url,
    removers: {},
    modelStorage: createLocalModelStorage({ root: path.join(tmpdir(), "foodar-log-models-unused"), secret: "s".repeat(32) }),
    emailSender: refusingSender,
    usageReporter: createSandboxUsageReporter({ dir: path.join(tmpdir(), "foodar-log-usage-unused") }),
    modelTimeoutMs: 30_000,
    pollingIntervalSeconds: 0.5,
  });
});

afterAll(async () => {
  await runner.stop();
});

describe("email delivery logs", () => {
  it("log the message id, the job and the error, not the body, the recipient's token link or the provider key", async () => {
    const capture = captureLogs();
    try {
      const emailId = await t.db.$transaction((tx) =>
        enqueueEmail(tx, { template: "test", to: "ayesha@example.com", subject: "Your invitation", html: HTML, text: TEXT, dedupeKey: "log-test:invite" }),
      );
      const deadline = Date.now() + 15_000;
      while ((await t.db.emailMessage.findUniqueOrThrow({ where: { id: emailId ?? "" } })).status !== "FAILED" && Date.now() < deadline) await sleep(200);

      const failure = capture.lines().find((line) => line.emailId === emailId && line.level === "error");
      expect(failure).toMatchObject({
        job: "emails",
        jobId: expect.any(String) as string,
        outcome: "failed",
        retryable: false,
        msg: "Email not delivered; marked FAILED",
        err: { type: "EmailSendError", message: expect.stringContaining("Provider refused the message") as string },
      });
      const raw = capture.raw();
      expect(raw).not.toContain(TOKEN);
      expect(raw).not.toContain("accept the invitation");
      expect(raw).not.toContain("re_live_9xYz12345678");
    } finally {
      capture.stop();
    }
  });
});
