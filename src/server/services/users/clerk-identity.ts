export type ClerkIdentity = { clerkUserId: string; email: string; name: string | null };

export type ClerkUserFields = {
  clerkUserId: string;
  emails: ReadonlyArray<{ id: string; address: string }>;
  primaryEmailId: string | null;
  firstName: string | null;
  lastName: string | null;
};

// Clerk users may sign up with a phone number or a social account and have no email address, but our
// users table needs one: a reserved-TLD placeholder keeps the row valid and can never receive mail.
export function placeholderClerkEmail(clerkUserId: string): string {
  return `${clerkUserId}@users.clerk.invalid`;
}

/** The same identity whether Clerk's API or a webhook payload described the user. */
export function clerkIdentityOf(user: ClerkUserFields): ClerkIdentity {
  const email =
    user.emails.find((address) => address.id === user.primaryEmailId)?.address ??
    user.emails[0]?.address ??
    placeholderClerkEmail(user.clerkUserId);
  const name = [user.firstName, user.lastName].map((part) => part?.trim()).filter(Boolean).join(" ") || null;
  return { clerkUserId: user.clerkUserId, email, name };
}
