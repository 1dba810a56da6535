import { z } from "zod";

export const localSignInAsUserSchema = z.strictObject({ userId: z.uuid("Choose a user from the list") });

export const localSignInByEmailSchema = z.strictObject({
  email: z.email("Enter an email address like owner@example.com").trim().toLowerCase().max(254),
  name: z.string().trim().max(120, "Name must be at most 120 characters").optional(),
});

export type LocalSignInInput = z.infer<typeof localSignInAsUserSchema> | z.infer<typeof localSignInByEmailSchema>;

// Picking a listed user and typing an email are two forms; choosing the schema by the field present gives
// the person the message of the form they used rather than a union's generic one.
export function parseLocalSignIn(fields: Record<string, unknown>) {
  return "userId" in fields ? localSignInAsUserSchema.safeParse(fields) : localSignInByEmailSchema.safeParse(fields);
}

/** Only same-site paths, so the sign-in form cannot be used to bounce people to another site. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  return value;
}
