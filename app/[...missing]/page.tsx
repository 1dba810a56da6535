import { notFound } from "next/navigation";
import { connection } from "next/server";

// An address no route claims. Rendered per request, not served as Next's prebuilt 404 page: that one's scripts carry
// no nonce, and the policy proxy.ts sends with it would refuse them all.
export default async function MissingPage(): Promise<never> {
  await connection();
  notFound();
}
