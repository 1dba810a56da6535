import { SignIn } from "@clerk/nextjs";

export function ClerkSignIn({ next }: { next?: string }) {
  return (
    <div className="flex justify-center">
      <h1 className="sr-only">Sign in to Foodar</h1>
      <SignIn path="/sign-in" routing="path" fallbackRedirectUrl={next ?? "/dashboard"} />
    </div>
  );
}
