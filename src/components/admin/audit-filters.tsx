import type { AuditFilterErrors, AuditFilterValues } from "~/lib/audit-filter-params";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";
import { FilterBar } from "~/components/admin/filter-bar";

type AuditFiltersProps = { values: AuditFilterValues; errors: AuditFilterErrors; actions: readonly string[] };

export function AuditFilters({ values, errors, actions }: AuditFiltersProps) {
  const active = Object.values(values).some(Boolean);
  return (
    <FilterBar action="/admin/audit" label="Filter the audit log" active={active}>
      <Field id="filter-action" label="Action" error={errors.action} className="lg:w-56">
        {(control) => (
          <select {...control} name="action" defaultValue={values.action ?? ""} className={selectClasses(Boolean(errors.action))}>
            <option value="">All actions</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-target-type" label="Target type" error={errors.targetType} className="lg:w-40">
        {(control) => (
          <select {...control} name="targetType" defaultValue={values.targetType ?? ""} className={selectClasses(Boolean(errors.targetType))}>
            <option value="">Any</option>
            <option value="restaurant">Restaurant</option>
            <option value="user">User</option>
            <option value="email">Email</option>
            <option value="webhook_event">Webhook event</option>
          </select>
        )}
      </Field>
      <Field id="filter-actor" label="Actor id" error={errors.actorId} className="sm:col-span-2 lg:w-80">
        {(control) => (
          <input
            {...control}
            name="actorId"
            type="text"
            defaultValue={values.actorId}
            placeholder="User id, e.g. from the Users page"
            autoComplete="off"
            spellCheck={false}
            className={inputClasses(Boolean(errors.actorId), "font-mono")}
          />
        )}
      </Field>
      <Field id="filter-from" label="From" error={errors.from} hint="UTC day" className="lg:w-44">
        {(control) => <input {...control} name="from" type="date" defaultValue={values.from} className={inputClasses(Boolean(errors.from))} />}
      </Field>
      <Field id="filter-to" label="To" error={errors.to} hint="UTC day, included" className="lg:w-44">
        {(control) => <input {...control} name="to" type="date" defaultValue={values.to} className={inputClasses(Boolean(errors.to))} />}
      </Field>
    </FilterBar>
  );
}
