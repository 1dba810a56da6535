// Keys whose value never reaches a log line, wherever they sit in the first three levels of a logged object (the
// object itself, `req.headers`, `err.response.headers`, a job's data…). pino replaces the value with "[redacted]".
export const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "x-signature",
  "svix-signature",
  "signature",
  "password",
  "apiKey",
  "api_key",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  // Email bodies carry the recipient's links and personal details; a log line names a message by its id.
  "html",
  "text",
] as const;

const secretKeys: ReadonlySet<string> = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

export const isSecretKey = (key: string) => secretKeys.has(key.toLowerCase());

const segment = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

/** pino's `redact.paths`: each key at the top, one and two levels down. */
export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((key) => {
  const tail = segment(key);
  return [tail.startsWith(".") ? tail.slice(1) : tail, `*${tail}`, `*.*${tail}`];
});
