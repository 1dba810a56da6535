import { z } from "zod";

export const localSignInAsUserSchema = z.strictObject({ userId: z.uuid("Choose a user from the list") });

export const localSignInByEmailSchema = z.strictObject({
  // Trimmed before the format check: phone keyboards often leave a trailing space after autocomplete.
  email: z
    .string({ error: "Enter an email address like owner@example.com" })
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter an email address like owner@example.com").max(254, "Email must be at most 254 characters")),
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
  // URL parsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example": refuse any control
  // character, and check that the path still resolves to our own origin.
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const base = "http://same-site.invalid";
  return new URL(value, base).origin === base ? value : null;
}
