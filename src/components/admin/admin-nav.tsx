import { NavLink } from "~/components/shell/nav-link";

export function AdminNav() {
  return (
    <div className="border-b border-stone-200 bg-white">
      <nav aria-label="Admin" className="mx-auto flex max-w-6xl flex-wrap gap-1 px-3 py-2 sm:px-5">
        <NavLink href="/admin" matchNested={false}>
          Review queue
        </NavLink>
        <NavLink href="/admin/restaurants">Restaurants</NavLink>
        <NavLink href="/admin/users">Users</NavLink>
        <NavLink href="/admin/audit">Audit log</NavLink>
        <NavLink href="/admin/emails">Emails</NavLink>
        <NavLink href="/admin/webhooks">Webhooks</NavLink>
      </nav>
    </div>
  );
}
