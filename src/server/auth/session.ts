import type { Role } from "~/generated/prisma/enums";

export type Session = { userId: string; role: Role };
