// Runs once when a server instance starts: a missing or invalid variable stops it here, with a message that
// names the variable, rather than on the first request that happens to need it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./src/env.js");
  }
}
