import { LoaderCircle } from "lucide-react";

export default function RootLoading() {
  return (
    <div role="status" className="grid min-h-dvh place-items-center text-stone-600">
      <span className="flex items-center gap-2">
        <LoaderCircle aria-hidden className="size-5 animate-spin" />
        Loading…
      </span>
    </div>
  );
}
