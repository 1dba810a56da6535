import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { billingPathOf, PaymentRequiredUploadError } from "~/components/billing/error-toast";

const trpcError = (data: Record<string, unknown>) =>
  TRPCClientError.from({ error: { message: "Your free trial has ended", code: -32002, data } });

describe("billingPathOf", () => {
  it("finds the billing page of a PAYMENT_REQUIRED tRPC error and of a 402 upload", () => {
    expect(billingPathOf(trpcError({ code: "PAYMENT_REQUIRED", httpStatus: 402, billingPath: "/dashboard/restaurants/r1/billing" }))).toBe(
      "/dashboard/restaurants/r1/billing",
    );
    expect(billingPathOf(new PaymentRequiredUploadError("Subscribe to upload", "/dashboard/restaurants/r2/billing"))).toBe(
      "/dashboard/restaurants/r2/billing",
    );
  });

  it("finds none on other errors", () => {
    expect(billingPathOf(trpcError({ code: "NOT_FOUND", httpStatus: 404, billingPath: null }))).toBeNull();
    expect(billingPathOf(trpcError({ code: "BAD_REQUEST" }))).toBeNull();
    expect(billingPathOf(new Error("The upload failed"))).toBeNull();
    expect(billingPathOf("nope")).toBeNull();
  });
});
