import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createRestaurantSchema,
  RESTAURANT_NAME_MAX,
  reviewDecisionSchema,
  updateRestaurantSchema,
} from "~/schemas/restaurant";
import { adminAuditFilterSchema } from "~/schemas/admin";

type Flat = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

/** The errors a form would show, or null when the input is accepted. */
function errorsOf(schema: z.ZodType, input: unknown): Flat | null {
  const result = schema.safeParse(input);
  return result.success ? null : (z.flattenError(result.error) as Flat);
}

const RESTAURANT_ID = "7d1c4f7e-2a6b-4b8e-9a51-3f0c2e9b6d11";

describe("createRestaurantSchema", () => {
  it("accepts a name alone and fills in the defaults", () => {
    expect(createRestaurantSchema.parse({ name: "Karachi Grill" })).toEqual({
      name: "Karachi Grill",
      description: "",
      address: "",
      city: "",
      phone: "",
      currency: "PKR",
    });
  });

  it.each([
    ["missing", {}],
    ["empty", { name: "" }],
    ["only spaces", { name: "    " }],
    ["one letter", { name: "K" }],
    ["not text", { name: 42 }],
  ])("rejects a %s name with a message on the name field", (_label, input) => {
    const errors = errorsOf(createRestaurantSchema, input);
    expect(errors?.fieldErrors.name?.[0]).toMatch(/name/i);
  });

  it("rejects a 300-character name and says what the limit is", () => {
    const errors = errorsOf(createRestaurantSchema, { name: "x".repeat(300) });
    expect(errors?.fieldErrors.name).toEqual([`Name must be at most ${RESTAURANT_NAME_MAX} characters`]);
  });

  it("accepts a name of exactly the maximum length", () => {
    expect(errorsOf(createRestaurantSchema, { name: "x".repeat(RESTAURANT_NAME_MAX) })).toBeNull();
  });

  it("trims the name and the other text fields", () => {
    const parsed = createRestaurantSchema.parse({
      name: "  Karachi Grill \n",
      city: "  Karachi ",
      address: " 12 Zamzama Blvd ",
      description: "\tGrills ",
      phone: " +92 300 1234567 ",
      slug: "  karachi-grill  ",
    });
    expect(parsed).toMatchObject({
      name: "Karachi Grill",
      city: "Karachi",
      address: "12 Zamzama Blvd",
      description: "Grills",
      phone: "+92 300 1234567",
      slug: "karachi-grill",
    });
  });

  it("lowercases a typed slug", () => {
    expect(createRestaurantSchema.parse({ name: "Karachi Grill", slug: "Karachi-Grill" }).slug).toBe("karachi-grill");
  });

  it.each(["admin", "api", "dashboard", "ADMIN", " sign-in "])("rejects the reserved slug %j", (slug) => {
    expect(errorsOf(createRestaurantSchema, { name: "Karachi Grill", slug })?.fieldErrors.slug).toEqual([
      "This address is reserved; choose another",
    ]);
  });

  it.each(["karachi_grill", "karachi grill", "karachi--grill", "-karachi", "karachi-", "کراچی-grill", "café", "a/b", "ab"])(
    "rejects the slug %j with a hint on the slug field",
    (slug) => {
      const messages = errorsOf(createRestaurantSchema, { name: "Karachi Grill", slug })?.fieldErrors.slug;
      expect(messages?.length).toBeGreaterThan(0);
    },
  );

  it("rejects a slug that is too long", () => {
    expect(errorsOf(createRestaurantSchema, { name: "Karachi Grill", slug: "a".repeat(49) })?.fieldErrors.slug).toEqual([
      "Slug must be at most 48 characters",
    ]);
  });

  it.each([
    ["reviewState", "APPROVED"],
    ["ownerId", RESTAURANT_ID],
    ["trialEndsAt", "2030-01-01"],
    ["isAdmin", true],
  ])("rejects the unknown field %j instead of ignoring it", (field, value) => {
    const errors = errorsOf(createRestaurantSchema, { name: "Karachi Grill", [field]: value });
    expect(errors?.formErrors.join(" ")).toContain(field);
  });

  it("normalises the currency code and rejects codes that are not ISO 4217", () => {
    expect(createRestaurantSchema.parse({ name: "Karachi Grill", currency: " usd " }).currency).toBe("USD");
    expect(createRestaurantSchema.parse({ name: "Karachi Grill", currency: "EUR" }).currency).toBe("EUR");
    for (const currency of ["ZZZ", "RUPEES", "", "Rs"]) {
      expect(errorsOf(createRestaurantSchema, { name: "Karachi Grill", currency })?.fieldErrors.currency, currency).toEqual([
        "Use a three-letter ISO currency code, e.g. PKR",
      ]);
    }
  });

  it("accepts usual phone formats and rejects letters", () => {
    for (const phone of ["+92 300 1234567", "021-35871234", "(042) 3575 1234", ""]) {
      expect(errorsOf(createRestaurantSchema, { name: "Karachi Grill", phone }), phone).toBeNull();
    }
    expect(errorsOf(createRestaurantSchema, { name: "Karachi Grill", phone: "call me" })?.fieldErrors.phone?.length).toBe(1);
  });
});

describe("updateRestaurantSchema", () => {
  it("needs the restaurant and its slug", () => {
    const errors = errorsOf(updateRestaurantSchema, { name: "Karachi Grill" });
    expect(Object.keys(errors?.fieldErrors ?? {}).sort()).toEqual(["restaurantId", "slug"]);
  });

  it("rejects an id that is not a restaurant id", () => {
    const errors = errorsOf(updateRestaurantSchema, { restaurantId: "1", name: "Karachi Grill", slug: "karachi-grill" });
    expect(errors?.fieldErrors.restaurantId).toEqual(["Unknown restaurant"]);
  });
});

describe("reviewDecisionSchema", () => {
  it("requires a reason", () => {
    expect(errorsOf(reviewDecisionSchema, { restaurantId: RESTAURANT_ID })?.fieldErrors.reason).toEqual(["A reason is required"]);
  });

  it("rejects a reason that is too short once trimmed", () => {
    expect(errorsOf(reviewDecisionSchema, { restaurantId: RESTAURANT_ID, reason: "  no  " })?.fieldErrors.reason).toEqual([
      "Give the owner a reason of at least 3 characters",
    ]);
  });

  it("trims the reason", () => {
    expect(reviewDecisionSchema.parse({ restaurantId: RESTAURANT_ID, reason: "  Add an address. " }).reason).toBe("Add an address.");
  });
});

describe("adminAuditFilterSchema", () => {
  it("rejects a date range that ends before it starts, on the end field", () => {
    const errors = errorsOf(adminAuditFilterSchema, { from: new Date("2026-11-02"), to: new Date("2026-11-01") });
    expect(errors?.fieldErrors.to).toEqual(["The start date must be before the end date"]);
  });

  it("accepts open-ended and ordered ranges", () => {
    expect(errorsOf(adminAuditFilterSchema, { from: new Date("2026-11-01") })).toBeNull();
    expect(errorsOf(adminAuditFilterSchema, { to: new Date("2026-11-01") })).toBeNull();
    expect(errorsOf(adminAuditFilterSchema, { from: new Date("2026-11-01"), to: new Date("2026-11-02") })).toBeNull();
  });
});
