import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmailSendError, type OutgoingEmail } from "~/server/integrations/email/email-sender";
import { createResendEmailSender } from "~/server/integrations/email/resend-email-sender";

const API_KEY = "re_test_1234567890";
const FROM = "Foodar <hello@foodar.example.com>";

type Reply = { status: number; body: unknown; delayMs?: number };

// A stand-in for Resend's POST /emails that checks what Resend checks (the bearer key, a JSON body with from, to,
// subject and html or text) and keeps Resend's promise for the Idempotency-Key: the same key gets the first answer.
let server: Server;
let baseUrl: string;
let nextReplies: Reply[] = [];
const received: { headers: IncomingMessage["headers"]; body: Record<string, unknown> }[] = [];
const sentByKey = new Map<string, string>();

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
}

function resendError(status: number, name: string, message: string): Reply {
  return { status, body: { statusCode: status, name, message } };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.method !== "POST" || request.url !== "/emails") return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
      if (request.headers.authorization !== `Bearer ${API_KEY}`) return reply(401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
      if (!request.headers["content-type"]?.startsWith("application/json")) return reply(415, { statusCode: 415, name: "validation_error", message: "JSON only" });
      const body = await readJson(request);
      received.push({ headers: request.headers, body });
      const scripted = nextReplies.shift();
      if (scripted) {
        if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
        return reply(scripted.status, scripted.body);
      }
      for (const field of ["from", "to", "subject"]) {
        if (!body[field]) return reply(422, { statusCode: 422, name: "missing_required_field", message: `The \`${field}\` field is missing.` });
      }
      if (!body.html && !body.text) return reply(422, { statusCode: 422, name: "validation_error", message: "html or text is required" });
      const key = request.headers["idempotency-key"];
      const existing = typeof key === "string" ? sentByKey.get(key) : undefined;
      const id = existing ?? `email-${received.length}`;
      if (typeof key === "string") sentByKey.set(key, id);
      return reply(200, { id });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  nextReplies = [];
  received.length = 0;
});

const email = (overrides: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  id: "8c7c2b52-6d8c-4c1e-9a43-3f1f0a1d2e11",
  to: "owner@example.com",
  subject: "Your trial ends in 3 days",
  html: "<p>Hello &amp; welcome</p>",
  text: "Hello & welcome",
  idempotencyKey: "trial-ends-in-3-days:r1:2026-11-29T10:00:00.000Z",
  ...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<EmailSendError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof EmailSendError)) throw new Error(`expected an EmailSendError, got ${String(error)}`);
  return error;
}

describe("the Resend driver", () => {
  const sender = () => createResendEmailSender({ apiKey: API_KEY, from: FROM, baseUrl });

  it("posts the message with the bearer key, the Idempotency-Key and every field, and returns Resend's id", async () => {
    await expect(sender().send(email())).resolves.toEqual({ providerMessageId: "email-1" });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.headers["idempotency-key"]).toBe("trial-ends-in-3-days:r1:2026-11-29T10:00:00.000Z");
    expect(request?.body).toMatchObject({
      from: FROM,
      to: "owner@example.com",
      subject: "Your trial ends in 3 days",
      html: "<p>Hello &amp; welcome</p>",
      text: "Hello & welcome",
    });
  });

  it("gets the first answer back when the same message is sent again with its key", async () => {
    const first = await sender().send(email({ idempotencyKey: "resent-after-a-crash" }));
    const second = await sender().send(email({ idempotencyKey: "resent-after-a-crash" }));
    expect(second).toEqual(first);
  });

  it("fails permanently on a wrong key and on a message Resend refuses", async () => {
    const wrongKey = await failureOf(createResendEmailSender({ apiKey: "re_wrong", from: FROM, baseUrl }).send(email()));
    expect(wrongKey).toMatchObject({ retryable: false });
    expect(wrongKey.message).toContain("401");

    nextReplies = [resendError(422, "validation_error", "Invalid `to` field.")];
    const invalid = await failureOf(sender().send(email()));
    expect(invalid).toMatchObject({ retryable: false });
    expect(invalid.message).toBe("Resend refused the message (422 validation_error): Invalid `to` field.");

    nextReplies = [resendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.")];
    expect(await failureOf(sender().send(email()))).toMatchObject({ retryable: false });
  });

  it("retries on rate limits, server errors, a request still in flight and no answer", async () => {
    nextReplies = [resendError(429, "rate_limit_exceeded", "Too many requests")];
    expect(await failureOf(sender().send(email()))).toMatchObject({ retryable: true });
    nextReplies = [resendError(500, "internal_server_error", "Something went wrong")];
    expect(await failureOf(sender().send(email()))).toMatchObject({ retryable: true });
    nextReplies = [{ status: 502, body: "<html>Bad gateway</html>" }];
    expect(await failureOf(sender().send(email()))).toMatchObject({ retryable: true });
    nextReplies = [resendError(409, "concurrent_idempotent_requests", "Another request with this key is in progress")];
    expect(await failureOf(sender().send(email()))).toMatchObject({ retryable: true });

    const closed = createResendEmailSender({ apiKey: API_KEY, from: FROM, baseUrl: "http://127.0.0.1:1" });
    expect(await failureOf(closed.send(email()))).toMatchObject({ retryable: true });
  });

  it("gives up on a request that takes too long, as a retryable failure", async () => {
    nextReplies = [{ status: 200, body: { id: "too-late" }, delayMs: 1_000 }];
    const slow = createResendEmailSender({ apiKey: API_KEY, from: FROM, baseUrl, timeoutMs: 100 });
    expect(await failureOf(slow.send(email()))).toMatchObject({ retryable: true });
  });
});
