"use client";

import { useState } from "react";
import { toast } from "sonner";
import { api } from "~/trpc/react";
import { MediaItem } from "~/components/menu/media/media-item";
import type { MediaTarget, ProductMedia } from "~/components/menu/media/media-types";
import { RemoveMediaDialog } from "~/components/menu/media/remove-media-dialog";

type MediaListProps = { target: MediaTarget; initialMedia: ProductMedia[] };

export function MediaList({ target, initialMedia }: MediaListProps) {
  const { restaurantId, productId } = target;
  const utils = api.useUtils();
  const [removing, setRemoving] = useState<ProductMedia | null>(null);
  const list = api.menu.media.list.useQuery({ restaurantId, productId }, { initialData: initialMedia });
  const reorder = api.menu.media.reorder.useMutation({
    onSuccess: () => Promise.all([utils.menu.media.list.invalidate({ restaurantId, productId }), utils.menu.products.invalidate()]),
    onError: (error) => toast.error(error.message),
  });
  const media = list.data;

  if (media.length === 0) {
    return <p className="text-sm text-stone-600">No photos or videos yet. Guests see the first one on the menu.</p>;
  }

  function move(from: number, to: number) {
    const ids = media.map((item) => item.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    reorder.mutate({ restaurantId, productId, mediaIds: ids });
  }

  return (
    <>
      <ul aria-label="Uploaded photos and videos" className="divide-y divide-stone-200" aria-busy={reorder.isPending || list.isFetching || undefined}>
        {media.map((item, index) => (
          <MediaItem
            key={item.id}
            target={target}
            media={item}
            index={index}
            count={media.length}
            busy={reorder.isPending || list.isFetching}
            onMove={move}
            onRemove={setRemoving}
          />
        ))}
      </ul>
      <RemoveMediaDialog target={target} media={removing} onClose={() => setRemoving(null)} />
    </>
  );
}
