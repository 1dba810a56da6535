import { TRPCClientError } from "@trpc/client";
import { toast } from "sonner";

// "Payment required" refusals carry the owner's billing page: tRPC in the error's data.billingPath, the upload
// routes in their 402 body. Wherever such an error is shown, the toast offers the way there.

/** An upload refused with 402: the message for a person and where the owner can pay. */
export class PaymentRequiredUploadError extends Error {
  constructor(
    message: string,
    readonly billingPath: string,
  ) {
    super(message);
    this.name = "PaymentRequiredUploadError";
  }
}

export function billingPathOf(error: unknown): string | null {
  if (error instanceof PaymentRequiredUploadError) return error.billingPath;
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    if (typeof data === "object" && data !== null && "billingPath" in data && typeof data.billingPath === "string") return data.billingPath;
  }
  return null;
}

/** toast.error, with a "Go to billing" action when the error is a payment-required refusal. */
export function toastError(error: unknown, message: string) {
  const billingPath = billingPathOf(error);
  if (!billingPath) {
    toast.error(message);
    return;
  }
  // Long enough to read the reason and reach the button.
  toast.error(message, { duration: 15_000, action: { label: "Go to billing", onClick: () => window.location.assign(billingPath) } });
}
