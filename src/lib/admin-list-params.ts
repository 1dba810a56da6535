import { REVIEW_STATES, type ReviewState } from "~/lib/review-state";
import { firstParam, type SearchParams } from "~/lib/search-params";

const ROLES = ["OWNER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

// A hand-edited URL with an unknown value shows the unfiltered list rather than an error page.
function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return allowed.find((item) => item === value);
}

export function restaurantListFilter(params: SearchParams): { state?: ReviewState; search?: string } {
  return { state: oneOf(REVIEW_STATES, firstParam(params, "state")), search: firstParam(params, "q")?.slice(0, 120) };
}

export function userListFilter(params: SearchParams): { role?: Role; search?: string } {
  return { role: oneOf(ROLES, firstParam(params, "role")), search: firstParam(params, "q")?.slice(0, 120) };
}
