// Runs once when a server instance starts: a missing or invalid variable stops it here, with a message that
// names the variable, rather than on the first request that happens to need it. Next only logs an error
// thrown from here and keeps serving, so the process is ended explicitly.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./src/env.js");
  } catch (error) {
    // console: the logger takes its level from env.js, which is what just failed to load.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // `next build` may load this file too; jobs belong to servers that take traffic.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInProcess } = await import("./src/server/jobs/start-in-process");
  await startJobsInProcess();
}
