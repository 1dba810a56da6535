import Link from "next/link";
import { compactJson, jsonChanges } from "~/lib/json-changes";
import { formatDateTimeUtc } from "~/lib/format-time";

export type AuditEntryData = {
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { id: string; name: string | null; email: string } | null;
};

type AuditEntryProps = { entry: AuditEntryData; /** On a restaurant's own page the target goes without saying. */ showTarget?: boolean };

/** One audit record: who did what and when, the reason, and the fields that changed (raw JSON on demand). */
export function AuditEntry({ entry, showTarget = true }: AuditEntryProps) {
  const changes = jsonChanges(entry.before, entry.after);
  const hasJson = entry.before != null || entry.after != null;
  return (
    <article aria-label={`${entry.action} at ${formatDateTimeUtc(entry.createdAt)}`} className="min-w-0 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs font-semibold text-stone-800">{entry.action}</code>
        <time dateTime={entry.createdAt.toISOString()} className="text-stone-600">
          {formatDateTimeUtc(entry.createdAt)}
        </time>
      </div>
      <p className="mt-1 break-words text-stone-700">
        by{" "}
        {entry.actor ? (
          <Link href={`/admin/audit?actorId=${entry.actor.id}`} className="font-medium text-stone-900 underline decoration-stone-300 underline-offset-2 hover:decoration-brand-700">
            {entry.actor.name ?? entry.actor.email}
          </Link>
        ) : (
          <span className="font-medium">the system</span>
        )}
        {showTarget ? (
          <>
            {" on "}
            {entry.targetType === "restaurant" ? (
              <Link href={`/admin/restaurants/${entry.targetId}`} className="font-mono text-xs underline decoration-stone-300 underline-offset-2 hover:decoration-brand-700">
                restaurant {entry.targetId.slice(0, 8)}
              </Link>
            ) : (
              <span className="font-mono text-xs">
                {entry.targetType} {entry.targetId.slice(0, 8)}
              </span>
            )}
          </>
        ) : null}
      </p>
      {entry.reason ? (
        <p className="mt-2 rounded-lg bg-stone-50 px-3 py-2 break-words whitespace-pre-line text-stone-800 ring-1 ring-stone-200">
          <span className="font-semibold">Reason: </span>
          {entry.reason}
        </p>
      ) : null}
      {changes.length > 0 ? (
        <dl className="mt-2 grid gap-1 font-mono text-xs">
          {changes.map((change) => (
            <div key={change.field} className="flex min-w-0 flex-wrap gap-x-2">
              <dt className="font-semibold text-stone-800">{change.field}</dt>
              <dd className="min-w-0 break-all text-stone-700">
                <span className="text-red-800 line-through decoration-red-300">{compactJson(change.before)}</span>
                <span aria-hidden> → </span>
                <span className="sr-only"> changed to </span>
                <span className="text-emerald-800">{compactJson(change.after)}</span>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {hasJson ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-semibold text-stone-700 hover:text-stone-900">Before and after JSON</summary>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {(["before", "after"] as const).map((side) => (
              <div key={side} className="min-w-0">
                <p className="text-xs font-semibold text-stone-600 capitalize">{side}</p>
                <pre className="mt-1 max-h-64 overflow-auto rounded-lg bg-stone-900 p-3 text-xs text-stone-100">
                  {entry[side] == null ? "null" : JSON.stringify(entry[side], null, 2)}
                </pre>
              </div>
            ))}
          </div>
        </details>
      ) : null}
    </article>
  );
}
