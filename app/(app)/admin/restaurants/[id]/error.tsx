"use client";

import { RouteError } from "~/components/feedback/route-error";

export default function AdminRestaurantError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <RouteError error={error} retry={retry} title="This restaurant could not be loaded" homeHref="/admin/restaurants" homeLabel="Back to all restaurants" />
  );
}
