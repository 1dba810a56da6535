/** What the restaurant form edits: every input holds a string, the shared Zod schema validates and trims it. */
export type RestaurantFormValues = {
  name: string;
  slug: string;
  description: string;
  address: string;
  city: string;
  phone: string;
  currency: string;
};

export type RestaurantFieldName = keyof RestaurantFormValues;

export const RESTAURANT_FORM_FIELDS: readonly RestaurantFieldName[] = [
  "name",
  "slug",
  "description",
  "address",
  "city",
  "phone",
  "currency",
];

export const EMPTY_RESTAURANT: RestaurantFormValues = {
  name: "",
  slug: "",
  description: "",
  address: "",
  city: "",
  phone: "",
  currency: "PKR",
};

export function restaurantFormValues(restaurant: RestaurantFormValues): RestaurantFormValues {
  return {
    name: restaurant.name,
    slug: restaurant.slug,
    description: restaurant.description,
    address: restaurant.address,
    city: restaurant.city,
    phone: restaurant.phone,
    currency: restaurant.currency,
  };
}
