import { Field, inputClasses } from "~/components/ui/field";
import { buttonClasses } from "~/components/ui/button-styles";

type EmailSignInFormProps = { next?: string; /** Id of the page's error message, which is about this form. */ errorId?: string };

/** A plain form post: the route handler validates it and comes back here with ?error= when it is wrong. */
export function EmailSignInForm({ next, errorId }: EmailSignInFormProps) {
  return (
    <form action="/api/auth/local/sign-in" method="post" className="grid gap-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="sign-in-email" label="Email" hint="A new email creates a new owner account.">
        {(control) => (
          <input
            {...control}
            aria-describedby={[errorId, control["aria-describedby"]].filter(Boolean).join(" ") || undefined}
            aria-invalid={errorId ? true : undefined}
            name="email"
            type="email"
            required
            autoComplete="email"
            placeholder="owner@example.com"
            className={inputClasses(Boolean(errorId))}
          />
        )}
      </Field>
      <Field id="sign-in-name" label="Name" optional hint="Used only when the account is created.">
        {(control) => <input {...control} name="name" type="text" maxLength={120} autoComplete="name" className={inputClasses()} />}
      </Field>
      <button type="submit" className={buttonClasses("primary", "md", "w-full")}>
        Continue with email
      </button>
    </form>
  );
}
