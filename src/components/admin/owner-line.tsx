import { UserRound } from "lucide-react";

type OwnerLineProps = { owner: { name: string | null; email: string } };

export function OwnerLine({ owner }: OwnerLineProps) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <UserRound aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">
        {owner.name ? `${owner.name} · ` : ""}
        {owner.email}
      </span>
    </span>
  );
}
