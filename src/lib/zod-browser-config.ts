import { z } from "zod";

// Zod probes `new Function` once to decide whether it may compile its parsers. The pages' Content-Security-Policy
// refuses eval, so in browsers that probe is reported as a violation on every page that validates a form; compiled
// parsers only pay off on the server, which keeps them.
if (typeof window !== "undefined") z.config({ jitless: true });
