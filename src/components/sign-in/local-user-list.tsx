import { ChevronRight } from "lucide-react";
import clsx from "clsx";

type LocalUser = { id: string; email: string; name: string | null; role: "OWNER" | "ADMIN" };

function initials(user: LocalUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

/** One form per user: each button posts that user's id, so signing in works without JavaScript. */
export function LocalUserList({ users, next }: { users: readonly LocalUser[]; next?: string }) {
  if (users.length === 0) {
    return <p className="text-stone-600">No local users yet. Continue with an email below to create the first one.</p>;
  }
  return (
    <ul className="grid gap-2">
      {users.map((user) => (
        <li key={user.id}>
          <form action="/api/auth/local/sign-in" method="post">
            <input type="hidden" name="userId" value={user.id} />
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <button
              type="submit"
              className="group flex w-full items-center gap-3 rounded-xl border border-stone-200 bg-white p-3 text-left shadow-sm transition-colors hover:border-brand-300 hover:bg-brand-50"
            >
              <span
                aria-hidden
                className={clsx(
                  "grid size-10 shrink-0 place-items-center rounded-full text-sm font-bold",
                  user.role === "ADMIN" ? "bg-stone-900 text-white" : "bg-brand-100 text-brand-800",
                )}
              >
                {initials(user)}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-semibold text-stone-900">{user.name ?? user.email}</span>
                <span className="block truncate text-sm text-stone-600">{user.email}</span>
              </span>
              <span
                className={clsx(
                  "rounded-full px-2 py-0.5 text-xs font-semibold",
                  user.role === "ADMIN" ? "bg-stone-900 text-white" : "bg-stone-100 text-stone-700",
                )}
              >
                {user.role === "ADMIN" ? "Admin" : "Owner"}
              </span>
              <ChevronRight aria-hidden className="size-4 text-stone-500 group-hover:text-brand-700" />
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
