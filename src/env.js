import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";

/**
 * @param {readonly { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>, message: string }[]} issues
 * @returns {never}
 */
function failNamingVariables(issues) {
  const lines = issues.map((issue) => {
    const name = (issue.path ?? []).map((part) => (typeof part === "object" ? String(part.key) : String(part))).join(".");
    return `  ${name || "(environment)"}: ${issue.message}`;
  });
  throw new Error(`Invalid environment variables (see .env.example):\n${lines.join("\n")}`);
}

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// connection URL" }),
    AUTH_MODE: z.enum(["clerk", "local"]).optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
    CLERK_SECRET_KEY: z.string().startsWith("sk_", "must start with sk_").optional(),
    CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY", { message: "must be the PEM public key from Clerk's API keys page" }).optional(),
    CLERK_AUTHORIZED_PARTIES: commaList,
    CLERK_WEBHOOK_SIGNING_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
    ADMIN_EMAILS: commaList.transform((emails) => emails.map((email) => email.toLowerCase())),
    FOODAR_DATA_DIR: z.string().default(".data"),
    RESEND_API_KEY: z.string().startsWith("re_", "must start with re_ (an API key from Resend's dashboard)").optional(),
    EMAIL_MODE: z.enum(["resend", "local"]).optional(),
    EMAIL_FROM: z
      .string()
      .trim()
      .regex(/^(?:[^<>\r\n]+ <[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address like "Foodar <hello@foodar.example.com>" or hello@foodar.example.com')
      .optional(),
    SUPABASE_URL: z.url({ protocol: /^https?$/, error: "must be the project URL, e.g. https://<project>.supabase.co" }).optional(),
    SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
    SUPABASE_MODELS_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, "must be a bucket name (lowercase letters, digits, - _ .)").default("models"),
    FILE_URL_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)").optional(),
    CLOUDINARY_URL: z
      .string()
      .regex(/^cloudinary:\/\/[^:@/]+:[^@/]+@[^/?]+/, "must look like cloudinary://<api_key>:<api_secret>@<cloud_name>")
      .optional(),
    MEDIA_MAX_IMAGE_BYTES: z.coerce.number().int("must be a whole number of bytes").positive().default(10 * 1024 * 1024),
    MEDIA_MAX_VIDEO_BYTES: z.coerce.number().int("must be a whole number of bytes").positive().default(100 * 1024 * 1024),
    MODEL_MAX_BYTES: z.coerce.number().int("must be a whole number of bytes").positive().default(50 * 1024 * 1024),
    MODEL_OPTIMIZE_TIMEOUT_SECONDS: z.coerce.number().int("must be a whole number of seconds").min(5, "must be at least 5").max(780, "must be at most 780 (13 minutes)").default(120),
    SITE_URL: z.url({ protocol: /^https?$/, error: "must be the site's public origin, e.g. https://foodar.example.com" }).optional(),
    LEMONSQUEEZY_API_KEY: z.string().min(1).optional(),
    BILLING_MODE: z.enum(["lemon-squeezy", "sandbox"]).optional(),
    LEMONSQUEEZY_WEBHOOK_SECRET: z.string().min(6, "must be the webhook's signing secret (at least 6 characters)").optional(),
    LEMONSQUEEZY_STORE_ID: z.string().trim().regex(/^\d+$/, "must be the store's numeric id (Lemon Squeezy: Settings → Stores)").optional(),
    LEMONSQUEEZY_VARIANT_ID: z.string().trim().regex(/^\d+$/, "must be the subscription variant's numeric id (the product's variant in Lemon Squeezy)").optional(),
    // Shown to owners (price breakdown, next invoice estimate); Lemon Squeezy charges what the variant says, so they
    // must match its monthly price and its usage-based price per unit.
    BILLING_MONTHLY_FEE_PKR: z.coerce.number().int("must be a whole number of rupees").min(0, "must be 0 or more").max(1_000_000, "must be at most 1,000,000").default(2500),
    BILLING_PRODUCT_FEE_PKR: z.coerce.number().int("must be a whole number of rupees").min(0, "must be 0 or more").max(100_000, "must be at most 100,000").default(50),
    BILLING_GRACE_DAYS: z.coerce.number().int("must be a whole number of days").min(0, "must be 0 or more").max(60, "must be at most 60").default(7),
    JOBS_IN_PROCESS: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("true")
      .transform((value) => value === "true"),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" }).optional(),
    // Off only where something in front already limits requests, or in test suites that make many requests.
    RATE_LIMITS: z
      .enum(["on", "off"], { error: "must be on or off" })
      .default("on")
      .transform((value) => value === "on"),
    // The least severe log line written (pino's levels); "silent" writes none.
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" })
      .default("info"),
  },
  client: {
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z.string().startsWith("pk_", "must start with pk_").optional(),
  },
  shared: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_MODE: process.env.AUTH_MODE,
    AUTH_SECRET: process.env.AUTH_SECRET,
    CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY,
    CLERK_JWT_KEY: process.env.CLERK_JWT_KEY,
    CLERK_AUTHORIZED_PARTIES: process.env.CLERK_AUTHORIZED_PARTIES,
    CLERK_WEBHOOK_SIGNING_SECRET: process.env.CLERK_WEBHOOK_SIGNING_SECRET,
    ADMIN_EMAILS: process.env.ADMIN_EMAILS,
    FOODAR_DATA_DIR: process.env.FOODAR_DATA_DIR,
    RESEND_API_KEY: process.env.RESEND_API_KEY,
    EMAIL_MODE: process.env.EMAIL_MODE,
    EMAIL_FROM: process.env.EMAIL_FROM,
    SUPABASE_URL: process.env.SUPABASE_URL,
    SUPABASE_SERVICE_ROLE_KEY: process.env.SUPABASE_SERVICE_ROLE_KEY,
    SUPABASE_MODELS_BUCKET: process.env.SUPABASE_MODELS_BUCKET,
    FILE_URL_SECRET: process.env.FILE_URL_SECRET,
    CLOUDINARY_URL: process.env.CLOUDINARY_URL,
    MEDIA_MAX_IMAGE_BYTES: process.env.MEDIA_MAX_IMAGE_BYTES,
    MEDIA_MAX_VIDEO_BYTES: process.env.MEDIA_MAX_VIDEO_BYTES,
    MODEL_MAX_BYTES: process.env.MODEL_MAX_BYTES,
    MODEL_OPTIMIZE_TIMEOUT_SECONDS: process.env.MODEL_OPTIMIZE_TIMEOUT_SECONDS,
    JOBS_IN_PROCESS: process.env.JOBS_IN_PROCESS,
    REDIS_URL: process.env.REDIS_URL,
    RATE_LIMITS: process.env.RATE_LIMITS,
    LOG_LEVEL: process.env.LOG_LEVEL,
    LEMONSQUEEZY_API_KEY: process.env.LEMONSQUEEZY_API_KEY,
    BILLING_MODE: process.env.BILLING_MODE,
    LEMONSQUEEZY_WEBHOOK_SECRET: process.env.LEMONSQUEEZY_WEBHOOK_SECRET,
    LEMONSQUEEZY_STORE_ID: process.env.LEMONSQUEEZY_STORE_ID,
    LEMONSQUEEZY_VARIANT_ID: process.env.LEMONSQUEEZY_VARIANT_ID,
    BILLING_MONTHLY_FEE_PKR: process.env.BILLING_MONTHLY_FEE_PKR,
    BILLING_PRODUCT_FEE_PKR: process.env.BILLING_PRODUCT_FEE_PKR,
    BILLING_GRACE_DAYS: process.env.BILLING_GRACE_DAYS,
    SITE_URL: process.env.SITE_URL,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY,
  },
  createFinalSchema: (shape, isServer) =>
    z.object(shape).superRefine((values, ctx) => {
      if (!isServer) return;
      const hasClerkKeys = Boolean(values.CLERK_SECRET_KEY && values.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
      const mode = values.AUTH_MODE ?? (hasClerkKeys ? "clerk" : "local");
      if (mode === "clerk") {
        for (const name of ["CLERK_SECRET_KEY", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "CLERK_JWT_KEY"]) {
          if (!values[/** @type {keyof typeof values} */ (name)]) {
            ctx.addIssue({ code: "custom", path: [name], message: "is required when signing in with Clerk" });
          }
        }
        // Without it a session token minted for another site of the same Clerk instance would be accepted here.
        if (values.NODE_ENV === "production" && values.CLERK_AUTHORIZED_PARTIES.length === 0) {
          ctx.addIssue({
            code: "custom",
            path: ["CLERK_AUTHORIZED_PARTIES"],
            message: "is required in production with Clerk: list this site's origins, e.g. https://foodar.example.com",
          });
        }
      } else {
        if (values.NODE_ENV === "production" && values.AUTH_MODE !== "local") {
          ctx.addIssue({
            code: "custom",
            path: ["AUTH_MODE"],
            message:
              "the local sign-in driver is for development and refuses to run in production. Set CLERK_SECRET_KEY, NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY and CLERK_JWT_KEY, or set AUTH_MODE=local to run it anyway",
          });
        }
        if (!values.AUTH_SECRET) {
          ctx.addIssue({
            code: "custom",
            path: ["AUTH_SECRET"],
            message: "is required to sign local session cookies (npm run dev generates one into .data/)",
          });
        }
      }
      // Deliveries are verified with this secret. Lemon Squeezy's must be given; the sandbox (no API key) signs with a
      // development default, which is public and therefore refused in production.
      if (!values.LEMONSQUEEZY_WEBHOOK_SECRET && (values.LEMONSQUEEZY_API_KEY || values.NODE_ENV === "production")) {
        ctx.addIssue({
          code: "custom",
          path: ["LEMONSQUEEZY_WEBHOOK_SECRET"],
          message: values.LEMONSQUEEZY_API_KEY
            ? "is required with LEMONSQUEEZY_API_KEY: the signing secret of the store's webhook (Settings → Webhooks)"
            : "is required in production to verify billing webhooks (the sandbox's development default is public)",
        });
      }
      const billingMode = values.BILLING_MODE ?? (values.LEMONSQUEEZY_API_KEY ? "lemon-squeezy" : "sandbox");
      if (billingMode === "lemon-squeezy" && !values.LEMONSQUEEZY_API_KEY) {
        ctx.addIssue({ code: "custom", path: ["LEMONSQUEEZY_API_KEY"], message: "is required with BILLING_MODE=lemon-squeezy" });
      }
      // The sandbox lets any owner "pay" with a test card, so a production server forgetting its Lemon Squeezy key
      // must not fall back to it silently.
      if (billingMode === "sandbox" && values.NODE_ENV === "production" && values.BILLING_MODE !== "sandbox") {
        ctx.addIssue({
          code: "custom",
          path: ["BILLING_MODE"],
          message:
            "the billing sandbox lets owners subscribe without paying and refuses to run in production. Set LEMONSQUEEZY_API_KEY, LEMONSQUEEZY_STORE_ID, LEMONSQUEEZY_VARIANT_ID and LEMONSQUEEZY_WEBHOOK_SECRET, or set BILLING_MODE=sandbox to run it anyway",
        });
      }
      if (values.LEMONSQUEEZY_API_KEY) {
        // A checkout is created for one store's one variant: without them Subscribe could not work.
        for (const name of ["LEMONSQUEEZY_STORE_ID", "LEMONSQUEEZY_VARIANT_ID"]) {
          if (!values[/** @type {keyof typeof values} */ (name)]) {
            ctx.addIssue({ code: "custom", path: [name], message: "is required with LEMONSQUEEZY_API_KEY: checkouts are created for this store's subscription variant" });
          }
        }
      }
      if (Boolean(values.SUPABASE_URL) !== Boolean(values.SUPABASE_SERVICE_ROLE_KEY)) {
        const missing = values.SUPABASE_URL ? "SUPABASE_SERVICE_ROLE_KEY" : "SUPABASE_URL";
        ctx.addIssue({ code: "custom", path: [missing], message: "is required with the other Supabase Storage variable (both or neither)" });
      } else if (!values.SUPABASE_URL && !values.FILE_URL_SECRET) {
        // Without it the local model files would be served behind URLs anyone could forge.
        ctx.addIssue({
          code: "custom",
          path: ["FILE_URL_SECRET"],
          message: "is required to sign local 3D model URLs when Supabase Storage is not configured (npm run dev generates one into .data/)",
        });
      }
      const emailMode = values.EMAIL_MODE ?? (values.RESEND_API_KEY ? "resend" : "local");
      if (emailMode === "resend" && !values.RESEND_API_KEY) {
        ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "is required with EMAIL_MODE=resend" });
      }
      // The local mailbox delivers nothing: a production server forgetting its Resend key would lose every email
      // (approvals, trial and payment notices) without a word.
      if (emailMode === "local" && values.NODE_ENV === "production" && values.EMAIL_MODE !== "local") {
        ctx.addIssue({
          code: "custom",
          path: ["EMAIL_MODE"],
          message:
            "the local mailbox keeps every email on the server's disk, delivers none, and refuses to run in production. Set RESEND_API_KEY, EMAIL_FROM and SITE_URL, or set EMAIL_MODE=local to run it anyway",
        });
      }
      if (emailMode === "resend" && values.RESEND_API_KEY) {
        // Resend refuses a sender outside a verified domain, and the emails' links must lead to this site.
        if (!values.EMAIL_FROM) {
          ctx.addIssue({ code: "custom", path: ["EMAIL_FROM"], message: "is required with RESEND_API_KEY: an address on a domain verified in Resend" });
        }
        if (!values.SITE_URL) {
          ctx.addIssue({ code: "custom", path: ["SITE_URL"], message: "is required with RESEND_API_KEY: the emails link back to the site" });
        }
      }
    }),
  onValidationError: failNamingVariables,
  emptyStringAsUndefined: true,
  // `next build` loads server modules to collect page data; the real values arrive when the server starts.
  skipValidation: isBuildPhase || Boolean(process.env.SKIP_ENV_VALIDATION),
});

/** @returns {"supabase" | "local"} */
export function modelStorageDriver() {
  return env.SUPABASE_URL && env.SUPABASE_SERVICE_ROLE_KEY ? "supabase" : "local";
}

/** @returns {"cloudinary" | "local"} */
export function mediaStorageDriver() {
  return env.CLOUDINARY_URL ? "cloudinary" : "local";
}

/** Signs the sandbox's webhook deliveries outside production when LEMONSQUEEZY_WEBHOOK_SECRET is unset. */
export const SANDBOX_WEBHOOK_SECRET = "foodar-sandbox-webhook-secret";

/**
 * The secret that Lemon Squeezy webhook deliveries (real or from the sandbox) are signed with.
 * @returns {string}
 */
export function lemonSqueezyWebhookSecret() {
  return env.LEMONSQUEEZY_WEBHOOK_SECRET ?? SANDBOX_WEBHOOK_SECRET;
}

/**
 * Lemon Squeezy when its API key is set (env validation then requires the store and the variant), else the sandbox
 * checkout, which stands in for it with its own pages and signed webhooks; BILLING_MODE chooses explicitly (and is
 * how a production server agrees to run the sandbox).
 * @returns {"lemon-squeezy" | "sandbox"}
 */
export function billingDriver() {
  return env.BILLING_MODE ?? (env.LEMONSQUEEZY_API_KEY ? "lemon-squeezy" : "sandbox");
}

/**
 * The prices owners see, in PKR minor units (paisa): the monthly fee and the fee per published product.
 * @returns {{ currency: "PKR", monthlyFeeMinor: number, productFeeMinor: number }}
 */
export function billingPrices() {
  return { currency: "PKR", monthlyFeeMinor: env.BILLING_MONTHLY_FEE_PKR * 100, productFeeMinor: env.BILLING_PRODUCT_FEE_PKR * 100 };
}

/** @returns {"clerk" | "local"} */
export function authMode() {
  if (env.AUTH_MODE) return env.AUTH_MODE;
  return env.CLERK_SECRET_KEY && env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ? "clerk" : "local";
}

/**
 * Resend when its API key is set, else the local mailbox; EMAIL_MODE chooses explicitly (and is how a production server
 * agrees to run the local mailbox).
 * @returns {"resend" | "local"}
 */
export function emailDriver() {
  return env.EMAIL_MODE ?? (env.RESEND_API_KEY ? "resend" : "local");
}
