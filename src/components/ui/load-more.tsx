"use client";

import { Button } from "~/components/ui/button";

type LoadMoreProps = {
  shown: number;
  noun: string;
  hasMore: boolean;
  loading: boolean;
  /** Why the last "load more" failed; the pages already shown stay. */
  error?: string;
  onLoadMore: () => void;
};

/** The foot of a paged list: how many are shown, and a button for the next page while there is one. */
export function LoadMore({ shown, noun, hasMore, loading, error, onLoadMore }: LoadMoreProps) {
  return (
    <div className="mt-6 flex flex-col items-center gap-3">
      <p aria-live="polite" className="text-sm text-stone-600">
        Showing {shown} {noun}
        {hasMore ? "" : ", that is all"}
      </p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          Could not load more: {error}
        </p>
      ) : null}
      {hasMore ? (
        <Button variant="secondary" pending={loading} onClick={onLoadMore}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}
