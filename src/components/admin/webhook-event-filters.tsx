import type { WebhookEventStatusFilter } from "~/schemas/webhook-events";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";
import { FilterBar } from "~/components/admin/filter-bar";

export function WebhookEventFilters({ status, search }: { status?: WebhookEventStatusFilter; search?: string }) {
  return (
    <FilterBar action="/admin/webhooks" label="Filter webhook events" active={Boolean(status || search)}>
      <Field id="filter-status" label="Status" className="lg:w-48">
        {(control) => (
          <select {...control} name="status" defaultValue={status ?? ""} className={selectClasses()}>
            <option value="">Any status</option>
            <option value="PROCESSED">Processed</option>
            <option value="FAILED">Failed</option>
            <option value="IGNORED">Ignored</option>
            <option value="INVALID">Invalid</option>
          </select>
        )}
      </Field>
      <Field id="filter-search" label="Event" className="lg:w-80">
        {(control) => (
          <input {...control} name="q" type="search" defaultValue={search} placeholder="e.g. subscription_updated" className={inputClasses()} />
        )}
      </Field>
    </FilterBar>
  );
}
