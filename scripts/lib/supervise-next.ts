import type { ChildProcess } from "node:child_process";
import type { RunningPostgres } from "./embedded-postgres";

/** Waits for Next to exit, forwarding Ctrl-C / SIGTERM, then stops the embedded PostgreSQL cleanly. */
export async function superviseNext(next: ChildProcess, embedded: RunningPostgres | null): Promise<never> {
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill(signal);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => forward(signal));
  const code = await new Promise<number>((resolve) => next.once("exit", (exitCode) => resolve(exitCode ?? 0)));
  if (embedded) {
    await embedded.stop();
    console.log("[foodar] embedded PostgreSQL stopped");
  }
  process.exit(stopping ? 0 : code);
}
