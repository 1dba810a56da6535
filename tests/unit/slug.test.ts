import { describe, expect, it } from "vitest";
import { baseSlugFor, isReservedSlug, RESERVED_SLUGS, SLUG_MAX, SLUG_MIN, slugCandidate, slugify } from "~/lib/slug";
import { slugSchema } from "~/schemas/restaurant";

describe("slugify", () => {
  it.each([
    ["Karachi Grill", "karachi-grill"],
    ["Café Lahore — Gulberg", "cafe-lahore-gulberg"],
    ["Crème Brûlée Naïve Façade", "creme-brulee-naive-facade"],
    ["Salt & Pepper", "salt-and-pepper"],
    ["  --Tikka!!  House--  ", "tikka-house"],
    ["BBQ Tonight 24/7", "bbq-tonight-24-7"],
    ["Ｆｕｌｌｗｉｄｔｈ Ｄｈａｂａ", "fullwidth-dhaba"],
    ["Biryani بریانی House", "biryani-house"],
  ])("%j → %j", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it("gives nothing for a name with no Latin letters or digits (e.g. Urdu only)", () => {
    expect(slugify("کراچی گرل")).toBe("");
    expect(slugify("🍕🍔")).toBe("");
  });

  it("caps the length and never ends on a hyphen after cutting", () => {
    // Cutting at SLUG_MAX would otherwise land right after a word, on the hyphen.
    const name = `${"a".repeat(SLUG_MAX - 1)} bcd`;
    const slug = slugify(name);
    expect(slug).toBe("a".repeat(SLUG_MAX - 1));
    expect(slugify("word ".repeat(40)).length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slugify("word ".repeat(40))).not.toMatch(/-$/);
  });
});

describe("baseSlugFor", () => {
  it("uses the slugified name when it is usable", () => {
    expect(baseSlugFor("Karachi Grill")).toBe("karachi-grill");
  });

  it("falls back to 'restaurant' when the name has no usable characters (Urdu-only names)", () => {
    expect(baseSlugFor("کراچی گرل")).toBe("restaurant");
    expect(baseSlugFor("!!!")).toBe("restaurant");
  });

  it("extends names that are too short", () => {
    expect(baseSlugFor("AB")).toBe("ab-restaurant");
    expect(baseSlugFor("Q")).toBe("q-restaurant");
  });

  it.each(["Admin", "API", "Dashboard", "M", "Sign In", "Menu"])("never returns the reserved word for %j", (name) => {
    const slug = baseSlugFor(name);
    expect(isReservedSlug(slug)).toBe(false);
    expect(slug).toBe(`${slugify(name)}-restaurant`);
  });

  it("always produces a slug the restaurant form accepts", () => {
    const names = [
      "Karachi Grill",
      "کراچی گرل",
      "A",
      "admin",
      "m",
      "Café — Ø",
      "x".repeat(300),
      `${"ab ".repeat(30)}`,
      "<script>alert(1)</script>",
      "---",
      "12",
      ...RESERVED_SLUGS,
    ];
    for (const name of names) {
      const slug = baseSlugFor(name);
      expect(slugSchema.safeParse(slug).success, `baseSlugFor(${JSON.stringify(name)}) = ${JSON.stringify(slug)}`).toBe(true);
    }
  });
});

describe("slugCandidate", () => {
  it("tries the base first, then base-2, base-3, …", () => {
    expect(slugCandidate("karachi-grill", 1)).toBe("karachi-grill");
    expect(slugCandidate("karachi-grill", 2)).toBe("karachi-grill-2");
    expect(slugCandidate("karachi-grill", 12)).toBe("karachi-grill-12");
  });

  it("keeps suffixed candidates within the length limit and valid", () => {
    const base = `${"a".repeat(SLUG_MAX - 3)}-bb`; // exactly SLUG_MAX long
    expect(base).toHaveLength(SLUG_MAX);
    for (const attempt of [2, 9, 10, 20]) {
      const candidate = slugCandidate(base, attempt);
      expect(candidate.length).toBeLessThanOrEqual(SLUG_MAX);
      expect(candidate.endsWith(`-${attempt}`)).toBe(true);
      expect(slugSchema.safeParse(candidate).success, candidate).toBe(true);
    }
    // Cutting right before a hyphen must not leave a double hyphen behind.
    expect(slugCandidate(`${"a".repeat(SLUG_MAX - 3)}-bb`, 2)).toBe(`${"a".repeat(SLUG_MAX - 3)}-2`);
  });

  it("gives distinct candidates for distinct attempts", () => {
    const candidates = Array.from({ length: 20 }, (_, index) => slugCandidate("x".repeat(SLUG_MAX), index + 1));
    expect(new Set(candidates).size).toBe(20);
  });
});

describe("reserved slugs", () => {
  it.each(["admin", "api", "dashboard", "m", "sign-in", "webhooks"])("%j is reserved", (slug) => {
    expect(isReservedSlug(slug)).toBe(true);
  });

  it("ordinary restaurant slugs are not reserved", () => {
    expect(isReservedSlug("karachi-grill")).toBe(false);
    expect(isReservedSlug("administrator-cafe")).toBe(false);
  });

  it("every reserved word would be rejected by the form, not just silently altered", () => {
    for (const slug of RESERVED_SLUGS) {
      if (slug.length < SLUG_MIN) continue; // rejected for its length anyway
      const result = slugSchema.safeParse(slug);
      expect(result.success, slug).toBe(false);
    }
  });
});
