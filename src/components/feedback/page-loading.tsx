import { Skeleton } from "~/components/ui/skeleton";

type PageLoadingProps = { label: string; layout?: "list" | "form" | "detail" };

/** A skeleton in the shape of the page that is coming, announced once as a status. */
export function PageLoading({ label, layout = "list" }: PageLoadingProps) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <Skeleton className="mb-3 h-8 w-56" />
      <Skeleton className="mb-8 h-4 w-80 max-w-full" />
      {layout === "list" ? (
        <div className="space-y-3">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} className="h-24 w-full rounded-2xl" />
          ))}
        </div>
      ) : null}
      {layout === "form" ? (
        <div className="max-w-2xl space-y-5">
          {[0, 1, 2, 3].map((row) => (
            <div key={row} className="space-y-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
        </div>
      ) : null}
      {layout === "detail" ? (
        <div className="grid gap-6 lg:grid-cols-3">
          <Skeleton className="h-48 rounded-2xl lg:col-span-1" />
          <Skeleton className="h-96 rounded-2xl lg:col-span-2" />
        </div>
      ) : null}
    </div>
  );
}
