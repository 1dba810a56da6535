import type { EmailStatusFilter } from "~/schemas/emails";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";
import { FilterBar } from "~/components/admin/filter-bar";

export function EmailFilters({ status, search }: { status?: EmailStatusFilter; search?: string }) {
  return (
    <FilterBar action="/admin/emails" label="Filter emails" active={Boolean(status || search)}>
      <Field id="filter-status" label="Status" className="lg:w-48">
        {(control) => (
          <select {...control} name="status" defaultValue={status ?? ""} className={selectClasses()}>
            <option value="">Any status</option>
            <option value="PENDING">Pending</option>
            <option value="SENT">Sent</option>
            <option value="FAILED">Failed</option>
          </select>
        )}
      </Field>
      <Field id="filter-search" label="Recipient" className="lg:w-80">
        {(control) => <input {...control} name="q" type="search" defaultValue={search} placeholder="Email address" className={inputClasses()} />}
      </Field>
    </FilterBar>
  );
}
