import type { Metadata } from "next";
import Link from "next/link";
import { emailDriver } from "~/env.js";
import { api, HydrateClient } from "~/trpc/server";
import { emailListFilter } from "~/lib/email-list-params";
import type { SearchParams } from "~/lib/search-params";
import { EmailFilters } from "~/components/admin/email-filters";
import { EmailOutboxList, type EmailListFilter } from "~/components/admin/email-outbox-list";
import { buttonClasses } from "~/components/ui/button-styles";
import { PageHeader } from "~/components/ui/page-header";
import { requireAdmin } from "~/components/auth/current-user";

export const metadata: Metadata = { title: "Emails" };

const PAGE_SIZE = 25;

export default async function AdminEmailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("/admin/emails");
  const { status, search } = emailListFilter(await searchParams);
  const filter: EmailListFilter = { status, search, limit: PAGE_SIZE };
  await api.admin.emails.list.prefetchInfinite(filter);
  return (
    <HydrateClient>
      <PageHeader
        title="Emails"
        description="Every email the app queued, newest first: whether it was delivered, how many attempts it took and the last error. Times are in UTC."
        actions={
          emailDriver() === "local" ? (
            <Link href="/dev/mailbox" className={buttonClasses("secondary", "md")}>
              Open the local mailbox
            </Link>
          ) : null
        }
      />
      <EmailFilters status={status} search={search} />
      <EmailOutboxList filter={filter} />
    </HydrateClient>
  );
}
