import { TRPCClientError } from "@trpc/client";
import type { ServerErrorData } from "~/components/forms/apply-server-errors";

/** The field errors of a rejected mutateAsync; anything that is not a tRPC error has none. */
export function serverErrorData(error: unknown): ServerErrorData {
  return error instanceof TRPCClientError ? (error.data as ServerErrorData) : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong; try again";
}
