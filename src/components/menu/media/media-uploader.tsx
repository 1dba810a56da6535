"use client";

import { useId, useRef, useState } from "react";
import clsx from "clsx";
import { ImagePlus } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "~/components/billing/error-toast";
import { api } from "~/trpc/react";
import { useHydrated } from "~/components/forms/use-hydrated";
import { mediaSizeProblem } from "~/components/menu/media/check-media-size";
import { ACCEPTED_MEDIA_TYPES, type MediaLimits } from "~/components/menu/media/media-types";
import { uploadMediaFile } from "~/components/menu/media/upload-media-file";
import { UploadProgress } from "~/components/menu/upload-progress";
import { UploadCancelled } from "~/components/menu/upload-with-progress";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button-styles";

type MediaUploaderProps = { restaurantId: string; productId: string; limits: MediaLimits };

type Current = { fileName: string; percent: number; remaining: number };

export function MediaUploader({ restaurantId, productId, limits }: MediaUploaderProps) {
  const inputId = useId();
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const [current, setCurrent] = useState<Current | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const abortRef = useRef<(() => void) | null>(null);
  const cancelledRef = useRef(false);

  // One file after another: parallel uploads would split the bandwidth and make every bar crawl.
  async function uploadAll(files: File[]) {
    setProblems([]);
    cancelledRef.current = false;
    const found: string[] = [];
    for (const [index, file] of files.entries()) {
      if (cancelledRef.current) break;
      const tooLarge = mediaSizeProblem(file, limits);
      if (tooLarge) {
        found.push(tooLarge);
        toast.error(tooLarge);
        continue;
      }
      setCurrent({ fileName: file.name, percent: 0, remaining: files.length - index - 1 });
      const upload = uploadMediaFile({ restaurantId, productId }, file, (percent) =>
        setCurrent((previous) => (previous ? { ...previous, percent } : previous)),
      );
      abortRef.current = upload.abort;
      try {
        await upload.done;
        toast.success(`${file.name} was added`);
        await Promise.all([utils.menu.media.list.invalidate({ restaurantId, productId }), utils.menu.products.invalidate()]);
      } catch (error) {
        if (error instanceof UploadCancelled) break;
        const message = `${file.name}: ${error instanceof Error ? error.message : "the upload failed"}`;
        found.push(message);
        toastError(error, message);
      }
    }
    abortRef.current = null;
    setCurrent(null);
    setProblems(found);
  }

  function cancel() {
    cancelledRef.current = true;
    abortRef.current?.();
    toast.info("Upload cancelled");
  }

  return (
    <div className="flex flex-col gap-3">
      <div>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED_MEDIA_TYPES}
          multiple
          disabled={current !== null || !hydrated}
          className="peer sr-only"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared so choosing the same file again (after fixing it) fires change again.
            event.target.value = "";
            if (files.length > 0) void uploadAll(files);
          }}
        />
        <label
          htmlFor={inputId}
          className={buttonClasses("secondary", "md", clsx(
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
            current || !hydrated ? "pointer-events-none opacity-60" : "cursor-pointer",
          ))}
        >
          <ImagePlus aria-hidden className="size-4" />
          Add photo or video
        </label>
        <p className="mt-2 text-sm text-stone-600">
          JPEG, PNG, WebP, GIF or AVIF photos up to {Math.round(limits.imageBytes / (1024 * 1024))} MB; MP4, MOV or WebM
          videos up to {Math.round(limits.videoBytes / (1024 * 1024))} MB.
        </p>
      </div>
      {current ? <UploadProgress {...current} onCancel={cancel} /> : null}
      {problems.length > 0 ? (
        <Alert tone="error" title="Not added">
          <ul className="list-inside list-disc">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
