import { REVIEW_STATE_LABEL, REVIEW_STATES, type ReviewState } from "~/lib/review-state";
import { Field, inputClasses } from "~/components/ui/field";
import { selectClasses } from "~/components/ui/select-classes";
import { FilterBar } from "~/components/admin/filter-bar";

export function RestaurantFilters({ state, search }: { state?: ReviewState; search?: string }) {
  return (
    <FilterBar action="/admin/restaurants" label="Filter restaurants" active={Boolean(state || search)}>
      <Field id="filter-state" label="State" className="lg:w-56">
        {(control) => (
          <select {...control} name="state" defaultValue={state ?? ""} className={selectClasses()}>
            <option value="">All states</option>
            {REVIEW_STATES.map((value) => (
              <option key={value} value={value}>
                {REVIEW_STATE_LABEL[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="filter-search" label="Search" className="lg:w-80">
        {(control) => (
          <input
            {...control}
            name="q"
            type="search"
            defaultValue={search}
            placeholder="Name, address or owner email"
            className={inputClasses()}
          />
        )}
      </Field>
    </FilterBar>
  );
}
