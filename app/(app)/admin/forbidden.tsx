import type { Metadata } from "next";
import { NotAllowed } from "~/components/auth/not-allowed";

export const metadata: Metadata = { title: "Not allowed" };

export default function AdminForbidden() {
  return <NotAllowed />;
}
