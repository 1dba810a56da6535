import type { Db } from "~/server/db-client";

export type DatabaseHealth = "ok" | "unreachable";

export async function checkDatabase(db: Db, timeoutMs = 2_000): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(() => resolve("unreachable"), timeoutMs);
  });
  const probe = db.$queryRaw`SELECT 1`.then(
    (): DatabaseHealth => "ok",
    (): DatabaseHealth => "unreachable",
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
