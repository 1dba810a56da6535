import { describe, expect, it } from "vitest";
import { parseLocalSignIn, safeNextPath } from "~/schemas/local-sign-in";

const BASE = "http://localhost:3000";

describe("safeNextPath", () => {
  it.each(["/dashboard", "/admin/restaurants?state=PENDING", "/dashboard/restaurants/1#settings", "/"])("keeps the same-site path %j", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a protocol-relative URL", "//evil.example/path"],
    ["a backslash trick", "/\\evil.example"],
    ["a tab before the second slash", "/\t/evil.example"],
    ["a newline before the second slash", "/\n/evil.example"],
    ["a carriage return before the second slash", "/\r/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "dashboard"],
    ["an empty string", ""],
  ])("refuses %s", (_label, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it("refuses anything that is not text", () => {
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/dashboard"])).toBeNull();
  });

  it("never yields a path that a browser would resolve to another origin", () => {
    const attempts = ["/\t/evil.example", "/\\/evil.example", "/ /evil.example", "/%2F%2Fevil.example", "/.//evil.example", "/\u0000/evil.example"];
    for (const attempt of attempts) {
      const next = safeNextPath(attempt);
      if (next !== null) expect(new URL(next, BASE).origin, JSON.stringify(attempt)).toBe(BASE);
    }
  });
});

describe("parseLocalSignIn", () => {
  it("normalises the email so one person gets one account", () => {
    const parsed = parseLocalSignIn({ email: "  Owner@Example.COM " });
    expect(parsed.success && parsed.data).toEqual({ email: "owner@example.com" });
  });

  it("answers an invalid email with a message the person can act on", () => {
    const parsed = parseLocalSignIn({ email: "not-an-email" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("Enter an email address like owner@example.com");
  });

  it("answers a bad user choice with the picker's message", () => {
    const parsed = parseLocalSignIn({ userId: "42" });
    expect(parsed.error?.issues[0]?.message).toBe("Choose a user from the list");
  });

  it("refuses fields the forms do not have", () => {
    expect(parseLocalSignIn({ email: "owner@example.com", role: "ADMIN" }).success).toBe(false);
  });
});
