import { describe, expect, it } from "vitest";
import { menuBaseUrlFrom, menuUrl } from "~/lib/menu-url";

describe("menu URLs", () => {
  it("use the forwarded host and protocol when a proxy names them, the first of a list", () => {
    const headers = new Headers({ host: "internal:3000", "x-forwarded-host": "foodar.app, edge.internal", "x-forwarded-proto": "https" });
    expect(menuBaseUrlFrom(headers)).toBe("https://foodar.app/m/");
  });

  it("use the Host header otherwise, http only for local hosts, and the fallback when there is no host at all", () => {
    expect(menuBaseUrlFrom(new Headers({ host: "menu.example.com" }))).toBe("https://menu.example.com/m/");
    expect(menuBaseUrlFrom(new Headers({ host: "localhost:3300" }))).toBe("http://localhost:3300/m/");
    expect(menuBaseUrlFrom(new Headers(), "127.0.0.1:4000")).toBe("http://127.0.0.1:4000/m/");
  });

  it("add the table code as t", () => {
    expect(menuUrl("https://foodar.app/m/", "karachi-grill")).toBe("https://foodar.app/m/karachi-grill");
    expect(menuUrl("https://foodar.app/m/", "karachi-grill", "table-4")).toBe("https://foodar.app/m/karachi-grill?t=table-4");
  });
});
