import { afterEach, describe, expect, it } from "vitest";
import { captureLogs } from "../../../tests/helpers/captured-logs";
import { logger } from "./logger";

// Through the app's own logger, as every module uses it: each secret is a distinct value that must not appear in
// the text that reaches stdout, wherever it sits in what is logged.
const SECRETS = {
  authorization: "Bearer auth-value-7c1e",
  cookie: "__session=cookie-value-91ab",
  "x-signature": "signature-value-4d2f",
  password: "password-value-0e8c",
  apiKey: "apikey-value-55aa",
  secret: "secret-value-3b9d",
  token: "token-value-c0de",
} as const;

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.stop());

function logged(write: () => void): string {
  capture = captureLogs();
  write();
  capture.stop();
  return capture.raw();
}

const expectNoSecret = (raw: string) => {
  for (const [key, value] of Object.entries(SECRETS)) expect(raw, key).not.toContain(value.split("=").pop());
};

describe("log redaction", () => {
  it.each(Object.keys(SECRETS))("blanks %s at the top, in headers and in a request's headers", (key) => {
    const value = SECRETS[key as keyof typeof SECRETS];
    const raw = logged(() => {
      logger.info({ [key]: value }, "top");
      logger.info({ headers: { [key]: value, host: "foodar.example.com" } }, "headers");
      logger.child({ requestId: "req-12345678" }).warn({ req: { headers: { [key]: value } } }, "request");
    });
    expect(raw).not.toContain(value);
    const lines = capture?.lines() ?? [];
    expect(lines).toHaveLength(3);
    expect(lines[0]?.[key]).toBe("[redacted]");
    expect(lines[1]).toMatchObject({ headers: { [key]: "[redacted]", host: "foodar.example.com" } });
    expect(lines[2]).toMatchObject({ requestId: "req-12345678", req: { headers: { [key]: "[redacted]" } } });
  });

  it("blanks the email body fields, keeping the message's id", () => {
    const raw = logged(() => logger.info({ emailId: "e-1", email: { html: "<p>Dear Ayesha</p>", text: "Dear Ayesha" } }, "email"));
    expect(raw).not.toContain("Ayesha");
    expect(capture?.lines()[0]).toMatchObject({ emailId: "e-1", email: { html: "[redacted]", text: "[redacted]" } });
  });

  it("blanks secrets an error carries as properties, in its cause, and in its message as text", () => {
    const cause = new Error(`upstream said password=${SECRETS.password}`);
    const error = Object.assign(new Error(`GET https://api.example.com/v1?token=${SECRETS.token} with ${SECRETS.authorization}`, { cause }), {
      config: { headers: { authorization: SECRETS.authorization, cookie: SECRETS.cookie, "x-signature": SECRETS["x-signature"] } },
      apiKey: SECRETS.apiKey,
      response: { body: { secret: SECRETS.secret } },
    });
    const raw = logged(() => logger.error({ err: error }, "failed"));
    expectNoSecret(raw);
    const line = capture?.lines()[0];
    expect(line?.err).toMatchObject({
      type: "Error",
      message: expect.stringContaining("https://api.example.com/v1?token=[redacted]") as string,
      config: { headers: { authorization: "[redacted]", cookie: "[redacted]", "x-signature": "[redacted]" } },
      apiKey: "[redacted]",
      response: { body: { secret: "[redacted]" } },
    });
    expect(String((line?.err as { message: string }).message)).toContain("password=[redacted]");
  });

  it("blanks vendor keys and connection passwords in free text", () => {
    const raw = logged(() =>
      logger.error({ err: new Error("Resend refused re_AbCdEf123456789 and sk_test_abcdefghijk; postgres://app:pg-pass-77@db:5432/foodar") }, "x"),
    );
    expect(raw).not.toMatch(/re_AbCdEf123456789|sk_test_abcdefghijk|pg-pass-77/);
    expect(raw).toContain("postgres://app:[redacted]@db:5432/foodar");
  });
});
