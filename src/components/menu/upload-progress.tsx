"use client";

import { Button } from "~/components/ui/button";

type UploadProgressProps = { fileName: string; percent: number; remaining: number; onCancel: () => void };

export function UploadProgress({ fileName, percent, remaining, onCancel }: UploadProgressProps) {
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-stone-200 bg-stone-50 p-4">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <p className="min-w-0 truncate font-medium text-stone-800">Uploading {fileName}</p>
        <p className="shrink-0 tabular-nums text-stone-600" aria-hidden>
          {percent}%
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={`Uploading ${fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
        className="h-2 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-stone-600">{remaining > 0 ? `${remaining} more after this one` : null}</p>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
