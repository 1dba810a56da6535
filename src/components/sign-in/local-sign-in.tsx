import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { EmailSignInForm } from "~/components/sign-in/email-sign-in-form";
import { LocalUserList } from "~/components/sign-in/local-user-list";

type LocalSignInProps = {
  users: Parameters<typeof LocalUserList>[0]["users"];
  next?: string;
  error?: string;
  signedInAs?: string;
};

const ERROR_ID = "sign-in-error";

export function LocalSignIn({ users, next, error, signedInAs }: LocalSignInProps) {
  return (
    <div className="mx-auto w-full max-w-md">
      <h1 className="text-center text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">Sign in to Foodar</h1>
      <p className="mt-2 text-center text-stone-600">Pick a demo user or continue with any email address.</p>

      <Alert title="Development sign-in" className="mt-6">
        Clerk is not configured, so this page signs you in without a password. It is meant for local development and
        demos only; anyone who can open it can sign in as anyone.
      </Alert>
      {error ? (
        <Alert tone="error" id={ERROR_ID} title="Could not sign you in" className="mt-4">
          {error}
        </Alert>
      ) : null}
      {signedInAs ? (
        <p className="mt-4 rounded-xl bg-stone-100 p-3 text-sm text-stone-700">
          You are signed in as <strong className="font-semibold break-all">{signedInAs}</strong>. Signing in again switches
          the account.
        </p>
      ) : null}

      <Card className="mt-6 p-5 sm:p-6">
        <h2 className="text-base font-semibold text-stone-900">Demo users</h2>
        <div className="mt-3">
          <LocalUserList users={users} next={next} />
        </div>
      </Card>

      <Card className="mt-4 p-5 sm:p-6">
        <h2 className="mb-4 text-base font-semibold text-stone-900">Use an email address</h2>
        <EmailSignInForm next={next} errorId={error ? ERROR_ID : undefined} />
      </Card>
    </div>
  );
}
