import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "~/env.js";
import { REDACT_PATHS } from "./redact-paths";
import { serializeError } from "./serialize-error";

export type { Logger };

// JSON lines on stdout, written synchronously in this thread: no transport, whose worker thread Next's bundling
// and a serverless host both break. A log collector (the host's, or `pino-pretty` on a terminal) reads stdout.
const stdout: DestinationStream = pino.destination({ fd: 1, sync: true });
let destination: DestinationStream = stdout;

// `next build` loads this module with env validation skipped, so LOG_LEVEL has no default applied there.
export function createLogger(to: DestinationStream, level: string = env.LOG_LEVEL ?? "info"): Logger {
  return pino(
    {
      level,
      base: { service: "foodar" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
    },
    to,
  );
}

/** The app's and the worker's logger; child loggers add requestId, userId, restaurantId, job and jobId. */
export const logger: Logger = createLogger({ write: (line: string) => destination.write(line) });

/** Sends the logger's lines to `stream` until the returned function is called (tests read what was logged). */
export function writeLogsTo(stream: DestinationStream): () => void {
  const previous = destination;
  destination = stream;
  return () => {
    destination = previous;
  };
}
