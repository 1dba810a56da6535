import { formatDateTimeUtc } from "~/lib/format-time";
import { Card } from "~/components/ui/card";
import { DefinitionList } from "~/components/admin/definition-list";

type RestaurantDetailsCardProps = {
  restaurant: {
    name: string;
    slug: string;
    description: string;
    address: string;
    city: string;
    phone: string;
    currency: string;
    createdAt: Date;
    updatedAt: Date;
    owner: { id: string; name: string | null; email: string };
  };
};

export function RestaurantDetailsCard({ restaurant }: RestaurantDetailsCardProps) {
  return (
    <Card className="p-5 sm:p-6">
      <section aria-labelledby="details-title">
        <h2 id="details-title" className="mb-4 text-base font-semibold text-stone-900">
          Details
        </h2>
        <DefinitionList
          items={[
            { term: "Name", value: restaurant.name },
            { term: "Web address", value: <span className="font-mono">/m/{restaurant.slug}</span> },
            { term: "Description", value: restaurant.description },
            { term: "Street address", value: restaurant.address },
            { term: "City", value: restaurant.city },
            { term: "Phone", value: restaurant.phone },
            { term: "Currency", value: restaurant.currency },
            {
              term: "Owner",
              value: (
                <>
                  {restaurant.owner.name ? <span className="block font-medium">{restaurant.owner.name}</span> : null}
                  <span className="block">{restaurant.owner.email}</span>
                </>
              ),
            },
            { term: "Created", value: formatDateTimeUtc(restaurant.createdAt) },
            { term: "Last changed", value: formatDateTimeUtc(restaurant.updatedAt) },
          ]}
        />
      </section>
    </Card>
  );
}
