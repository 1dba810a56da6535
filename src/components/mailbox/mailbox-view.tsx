import Link from "next/link";
import clsx from "clsx";
import { Inbox } from "lucide-react";
import { formatDateTimeUtc } from "~/lib/format-time";
import type { MailboxMessage } from "~/server/services/email/mailbox";
import { Card } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";

type MailboxViewProps = { messages: MailboxMessage[]; selected: MailboxMessage | null; everyone: boolean };

function MessageList({ messages, selectedId }: { messages: MailboxMessage[]; selectedId?: string }) {
  return (
    <nav aria-label="Messages">
      <ol className="grid gap-2">
        {messages.map((message) => (
          <li key={message.id}>
            <Link
              href={`/dev/mailbox?message=${message.id}`}
              aria-current={message.id === selectedId ? "true" : undefined}
              className={clsx(
                "block rounded-xl border px-3 py-2 text-sm hover:border-brand-400",
                message.id === selectedId ? "border-brand-500 bg-brand-50" : "border-stone-200 bg-white",
              )}
            >
              <span className="block font-semibold break-words text-stone-900">{message.subject || "(no subject)"}</span>
              <span className="block break-all text-stone-600">To {message.to.join(", ")}</span>
              {message.date ? (
                <time dateTime={message.date.toISOString()} className="block text-xs text-stone-500">
                  {formatDateTimeUtc(message.date)}
                </time>
              ) : null}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function OpenedMessage({ message }: { message: MailboxMessage }) {
  return (
    <Card className="min-w-0 p-4 sm:p-5">
      <h2 className="text-lg font-semibold break-words text-stone-900">{message.subject || "(no subject)"}</h2>
      <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm text-stone-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">From</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="font-medium">To</dt>
        <dd className="break-all">{message.to.join(", ")}</dd>
        {message.date ? (
          <>
            <dt className="font-medium">Sent</dt>
            <dd>{formatDateTimeUtc(message.date)}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="mt-5 mb-2 text-sm font-semibold text-stone-800">HTML</h3>
      {message.html ? (
        // An empty sandbox: the message's HTML runs no script, submits no form and cannot reach this page.
        <iframe
          title={`HTML of “${message.subject}”`}
          sandbox=""
          referrerPolicy="no-referrer"
          srcDoc={message.html}
          className="h-[36rem] w-full rounded-xl border border-stone-200 bg-white"
        />
      ) : (
        <p className="text-sm text-stone-600">This message has no HTML part.</p>
      )}
      <h3 className="mt-5 mb-2 text-sm font-semibold text-stone-800">Plain text</h3>
      <pre data-testid="mailbox-text" className="overflow-x-auto rounded-xl bg-stone-100 p-3 text-sm whitespace-pre-wrap text-stone-900">
        {message.text ?? "This message has no text part."}
      </pre>
    </Card>
  );
}

/** The local mailbox: the list of messages beside the one that is open (stacked on a phone). */
export function MailboxView({ messages, selected, everyone }: MailboxViewProps) {
  if (messages.length === 0 && !selected) {
    return (
      <EmptyState icon={Inbox} title="No emails yet">
        {everyone ? "Every email the app sends appears here." : "Emails sent to your address appear here."}
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,20rem)_minmax(0,1fr)]">
      <MessageList messages={messages} selectedId={selected?.id} />
      {selected ? <OpenedMessage message={selected} /> : <p role="alert">That message is not in your mailbox.</p>}
    </div>
  );
}
