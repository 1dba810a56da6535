import { describe, expect, it } from "vitest";
import { firstParam, type SearchParams } from "~/lib/search-params";

describe("firstParam", () => {
  it("reads a single value", () => {
    expect(firstParam({ q: "karachi" }, "q")).toBe("karachi");
  });

  it("takes the first of a repeated parameter (?q=a&q=b)", () => {
    expect(firstParam({ q: ["biryani", "tikka"] }, "q")).toBe("biryani");
  });

  it("trims what was typed around the value", () => {
    expect(firstParam({ q: "  Karachi Grill \n" }, "q")).toBe("Karachi Grill");
    expect(firstParam({ q: [" first ", "second"] }, "q")).toBe("first");
  });

  it.each<[string, SearchParams]>([
    ["absent", {}],
    ["undefined", { q: undefined }],
    ["empty", { q: "" }],
    ["only spaces", { q: "   " }],
    ["an empty list", { q: [] }],
    ["a list starting with an empty value", { q: ["", "tikka"] }],
  ])("is undefined when the parameter is %s", (_label, params) => {
    expect(firstParam(params, "q")).toBeUndefined();
  });

  it("does not read other parameters", () => {
    expect(firstParam({ state: "APPROVED" }, "q")).toBeUndefined();
  });
});
