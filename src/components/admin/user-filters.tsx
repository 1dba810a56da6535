import type { Role } from "~/lib/admin-list-params";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";
import { FilterBar } from "~/components/admin/filter-bar";

export function UserFilters({ role, search }: { role?: Role; search?: string }) {
  return (
    <FilterBar action="/admin/users" label="Filter users" active={Boolean(role || search)}>
      <Field id="filter-role" label="Role" className="lg:w-48">
        {(control) => (
          <select {...control} name="role" defaultValue={role ?? ""} className={selectClasses()}>
            <option value="">All roles</option>
            <option value="OWNER">Owners</option>
            <option value="ADMIN">Admins</option>
          </select>
        )}
      </Field>
      <Field id="filter-search" label="Search" className="lg:w-80">
        {(control) => (
          <input {...control} name="q" type="search" defaultValue={search} placeholder="Name or email" className={inputClasses()} />
        )}
      </Field>
    </FilterBar>
  );
}
