// Free text (an error's message or stack) is not covered by key-based redaction, and providers' errors sometimes
// quote what they were sent: a header, a URL with a token in its query, an API key. These patterns blank them.
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // `Authorization: Bearer …`, `Basic …`
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  // key=value and key: value pairs, in query strings, headers and JSON-ish text.
  [
    /\b(token|access_token|refresh_token|signature|sig|secret|password|passwd|api[_-]?key|apikey|authorization|cookie|x-signature)(["']?\s*[=:]\s*["']?)[^\s&"',;}]+/gi,
    "$1$2[redacted]",
  ],
  // Vendor keys by their shape: Clerk, Resend, Svix signing secrets, Lemon Squeezy JWT-like API keys.
  [/\b(sk|pk|re|whsec)_[A-Za-z0-9_]{8,}/g, "$1_[redacted]"],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, "[redacted jwt]"],
  // Credentials inside a connection URL: postgres://user:password@host, cloudinary://key:secret@cloud.
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, "$1[redacted]@"],
];

export function scrubText(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
