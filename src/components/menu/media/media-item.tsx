"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { IconButton } from "~/components/menu/icon-button";
import { MediaAltForm } from "~/components/menu/media/media-alt-form";
import { MediaPreview } from "~/components/menu/media/media-preview";
import type { MediaTarget, ProductMedia } from "~/components/menu/media/media-types";
import { formatDuration } from "~/lib/format-time";

type MediaItemProps = {
  target: MediaTarget;
  media: ProductMedia;
  index: number;
  count: number;
  /** A reorder is under way; every row waits for it so the order sent is the order shown. */
  busy: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (media: ProductMedia) => void;
};

export function MediaItem({ target, media, index, count, busy, onMove, onRemove }: MediaItemProps) {
  const nameId = `media-${media.id}-name`;
  return (
    <li className="flex flex-col gap-4 py-4 sm:flex-row sm:items-start">
      <MediaPreview media={media} />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p id={nameId} className="text-sm font-medium text-stone-700">
          {media.kind === "VIDEO" ? "Video" : "Photo"} {index + 1} of {count}
          {media.durationMs === null ? null : <span className="font-normal text-stone-500"> · {formatDuration(media.durationMs)}</span>}
        </p>
        <MediaAltForm target={target} media={media} disabled={busy} />
      </div>
      {target.readOnly ? null : (
        <div className="flex gap-1 sm:flex-col">
          <IconButton icon={ArrowUp} label="Move up" describedBy={nameId} disabled={busy || index === 0} onClick={() => onMove(index, index - 1)} />
          <IconButton
            icon={ArrowDown}
            label="Move down"
            describedBy={nameId}
            disabled={busy || index === count - 1}
            onClick={() => onMove(index, index + 1)}
          />
          <IconButton icon={Trash2} label="Remove" describedBy={nameId} disabled={busy} onClick={() => onRemove(media)} />
        </div>
      )}
    </li>
  );
}
