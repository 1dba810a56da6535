import { describe, expect, it } from "vitest";
import { formatBytes } from "~/lib/format-bytes";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [845, "845 B"],
    [1023, "1,023 B"],
    [1024, "1 KB"],
    [462_848, "452 KB"],
    [1024 * 1024 - 1, "1,024 KB"],
    [1024 * 1024, "1 MB"],
    [22_754_099, "21.7 MB"],
    [50 * 1024 * 1024, "50 MB"],
  ])("%i bytes reads as %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
