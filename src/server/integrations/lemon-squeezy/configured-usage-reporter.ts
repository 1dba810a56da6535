import { env } from "~/env.js";
import { createLemonSqueezyUsageReporter } from "./lemon-squeezy-usage-reporter";
import { createSandboxUsageReporter, sandboxUsageDir } from "./sandbox-usage-reporter";
import type { UsageReporter } from "./usage-reporter";

// Not "server-only": `npm run worker` loads it outside Next.

/** The sandbox's usage records of this deployment (what the sandbox driver writes). */
export function configuredSandboxUsageDir(): string {
  return sandboxUsageDir(env.FOODAR_DATA_DIR);
}

/** Lemon Squeezy when LEMONSQUEEZY_API_KEY is set, else the sandbox. */
export function usageReporter(): UsageReporter {
  if (env.LEMONSQUEEZY_API_KEY) return createLemonSqueezyUsageReporter({ apiKey: env.LEMONSQUEEZY_API_KEY });
  return createSandboxUsageReporter({ dir: configuredSandboxUsageDir() });
}
