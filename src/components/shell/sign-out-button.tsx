import { SignOutButton as ClerkSignOutButton } from "@clerk/nextjs";
import { LogOut } from "lucide-react";
import { authMode } from "~/env.js";
import { buttonClasses } from "~/components/ui/button-styles";

export function SignOutButton() {
  const label = (
    <>
      <LogOut aria-hidden className="size-4" />
      Sign out
    </>
  );
  if (authMode() === "clerk") {
    return (
      <ClerkSignOutButton redirectUrl="/">
        <button type="button" className={buttonClasses("secondary", "sm")}>
          {label}
        </button>
      </ClerkSignOutButton>
    );
  }
  return (
    <form action="/api/auth/local/sign-out" method="post">
      <button type="submit" className={buttonClasses("secondary", "sm")}>
        {label}
      </button>
    </form>
  );
}
