import { describe, expect, it } from "vitest";
import { restaurantListFilter, userListFilter } from "~/lib/admin-list-params";
import { REVIEW_STATES } from "~/lib/review-state";
import type { SearchParams } from "~/lib/search-params";
import { adminUserListSchema } from "~/schemas/admin";
import { adminRestaurantListSchema } from "~/schemas/restaurant";

// Hand-edited or stale URLs an admin might open; none of them may turn the list page into an error page.
const oddParams: SearchParams[] = [
  {},
  { state: "approved", role: "owner" },
  { state: "DELETED", role: "SUPERADMIN" },
  { state: ["APPROVED", "PENDING"], role: ["ADMIN", "OWNER"], q: ["tikka", "grill"] },
  { state: " PENDING ", role: " ADMIN ", q: "   " },
  { state: "", role: "", q: "" },
  { q: "x".repeat(500) },
  { q: `  ${"y".repeat(119)}   z` },
  { q: "'; DROP TABLE restaurants; --" },
  { q: "%E0%A4%A" },
  { unrelated: "1", cursor: "not-a-uuid" },
];

describe("restaurantListFilter", () => {
  it.each(REVIEW_STATES)("filters by state %s", (state) => {
    expect(restaurantListFilter({ state })).toEqual({ state, search: undefined });
  });

  it("shows the unfiltered list for an unknown or wrongly cased state", () => {
    expect(restaurantListFilter({ state: "DELETED" }).state).toBeUndefined();
    expect(restaurantListFilter({ state: "approved" }).state).toBeUndefined();
    expect(restaurantListFilter({ state: "role" }).state).toBeUndefined();
  });

  it("tolerates spaces around a state pasted into the URL", () => {
    expect(restaurantListFilter({ state: " PENDING " }).state).toBe("PENDING");
  });

  it("uses the first of repeated parameters", () => {
    expect(restaurantListFilter({ state: ["REJECTED", "APPROVED"], q: ["tikka", "grill"] })).toEqual({ state: "REJECTED", search: "tikka" });
  });

  it("searches for the trimmed text and ignores a blank search", () => {
    expect(restaurantListFilter({ q: "  Karachi Grill " }).search).toBe("Karachi Grill");
    expect(restaurantListFilter({ q: "   " }).search).toBeUndefined();
  });

  it("cuts an overlong search to 120 characters instead of failing", () => {
    expect(restaurantListFilter({ q: "x".repeat(500) }).search).toBe("x".repeat(120));
  });

  it.each(oddParams)("always produces input the restaurant list accepts: %j", (params) => {
    const result = adminRestaurantListSchema.safeParse({ ...restaurantListFilter(params), limit: 20 });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});

describe("userListFilter", () => {
  it.each(["OWNER", "ADMIN"] as const)("filters by role %s", (role) => {
    expect(userListFilter({ role })).toEqual({ role, search: undefined });
  });

  it("shows everyone for an unknown or wrongly cased role", () => {
    expect(userListFilter({ role: "SUPERADMIN" }).role).toBeUndefined();
    expect(userListFilter({ role: "admin" }).role).toBeUndefined();
    // A review state is not a role.
    expect(userListFilter({ role: "APPROVED" }).role).toBeUndefined();
  });

  it("searches by the trimmed, length-capped text", () => {
    expect(userListFilter({ q: " amna@example.com " })).toEqual({ role: undefined, search: "amna@example.com" });
    expect(userListFilter({ q: "a".repeat(121) }).search).toHaveLength(120);
  });

  it("does not read the restaurant list's state parameter", () => {
    expect(userListFilter({ state: "APPROVED" })).toEqual({ role: undefined, search: undefined });
  });

  it.each(oddParams)("always produces input the user list accepts: %j", (params) => {
    const result = adminUserListSchema.safeParse({ ...userListFilter(params), limit: 25 });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
