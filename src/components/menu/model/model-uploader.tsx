"use client";

import { useId, useRef, useState } from "react";
import clsx from "clsx";
import { Box } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "~/components/billing/error-toast";
import { api } from "~/trpc/react";
import { formatBytes } from "~/lib/format-bytes";
import { useHydrated } from "~/components/forms/use-hydrated";
import { ACCEPTED_MODEL_TYPES, type ModelTarget } from "~/components/menu/model/model-types";
import { uploadModelFile } from "~/components/menu/model/upload-model-file";
import { errorMessage } from "~/components/menu/server-error-data";
import { UploadProgress } from "~/components/menu/upload-progress";
import { UploadCancelled } from "~/components/menu/upload-with-progress";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button-styles";

type ModelUploaderProps = {
  target: ModelTarget;
  /** The server's limit (server env), handed down by the page so the browser can refuse early. */
  maxBytes: number;
  /** Uploading replaces the current model; the button says so. */
  hasModel: boolean;
};

type Current = { fileName: string; percent: number };

export function ModelUploader({ target, maxBytes, hasModel }: ModelUploaderProps) {
  const { restaurantId, productId } = target;
  const inputId = useId();
  const hydrated = useHydrated();
  const utils = api.useUtils();
  const [current, setCurrent] = useState<Current | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);

  async function upload(file: File) {
    setProblem(null);
    if (file.size > maxBytes) {
      const tooLarge = `${file.name} is ${formatBytes(file.size)}; a 3D model can be at most ${formatBytes(maxBytes)}`;
      setProblem(tooLarge);
      toast.error(tooLarge);
      return;
    }
    setCurrent({ fileName: file.name, percent: 0 });
    const request = uploadModelFile({ restaurantId, productId }, file, (percent) =>
      setCurrent((previous) => (previous ? { ...previous, percent } : previous)),
    );
    abortRef.current = request.abort;
    try {
      await request.done;
      toast.success(`${file.name} was uploaded; it is being optimised for phones`);
      // The fresh model is queued, so the refetch also starts the status polling.
      await utils.menu.models.get.invalidate({ restaurantId, productId });
    } catch (error) {
      if (!(error instanceof UploadCancelled)) {
        const message = `${file.name}: ${errorMessage(error)}`;
        setProblem(message);
        toastError(error, message);
      }
    } finally {
      abortRef.current = null;
      setCurrent(null);
    }
  }

  function cancel() {
    abortRef.current?.();
    toast.info("Upload cancelled");
  }

  return (
    <div className="flex flex-col gap-3">
      <div>
        <input
          id={inputId}
          type="file"
          accept={ACCEPTED_MODEL_TYPES}
          disabled={current !== null || !hydrated}
          className="peer sr-only"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) fires change again.
            event.target.value = "";
            if (file) void upload(file);
          }}
        />
        <label
          htmlFor={inputId}
          className={buttonClasses(
            "secondary",
            "md",
            clsx(
              "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
              current || !hydrated ? "pointer-events-none opacity-60" : "cursor-pointer",
            ),
          )}
        >
          <Box aria-hidden className="size-4" />
          {hasModel ? "Replace 3D model" : "Upload 3D model"}
        </label>
        <p className="mt-2 text-sm text-stone-600">
          A GLB file (.glb) up to {formatBytes(maxBytes)}. It is optimised for phones, which takes a few seconds.
        </p>
      </div>
      {current ? <UploadProgress {...current} remaining={0} onCancel={cancel} /> : null}
      {problem ? (
        <Alert tone="error" title="Not uploaded">
          {problem}
        </Alert>
      ) : null}
    </div>
  );
}
