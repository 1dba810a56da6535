// Every limit in one place. Each is a number of requests per window, counted per key (a client IP or a user id)
// in the shared store, so two app instances count together.

export type RateLimit = {
  /** Requests allowed in one window. */
  points: number;
  /** Window length in seconds; the count starts again when it ends. */
  durationSeconds: number;
  /** What is counted per key, for the message a refused client gets. */
  what: string;
};

export const RATE_LIMITS = {
  // The public menu's analytics beacon, per IP. A restaurant's guests often share one address (its Wi-Fi, a
  // carrier's NAT) and each phone sends a few batches a visit, so this is generous; it stops a script hammering
  // the counters, which cost two upserts a batch.
  menuEvents: { points: 300, durationSeconds: 60, what: "analytics batches" },
  // Local sign-in, per IP: a person signs in a few times an hour; more than this is someone scripting accounts
  // (the local driver creates a user for any new email).
  signIn: { points: 20, durationSeconds: 60, what: "sign-in attempts" },
  // Lemon Squeezy and Clerk (Svix), per IP: both deliver from a few addresses, in bursts, and retry whatever does
  // not get a 2xx, so a refusal only delays an event. The limit is far above a real burst (the webhook benchmark
  // sends 1000 deliveries in under 10 s) and only caps a flood of forged deliveries.
  webhooks: { points: 3000, durationSeconds: 60, what: "webhook deliveries" },
  // tRPC mutations, per user: a busy owner editing a menu (reordering dishes by drag and drop sends one per
  // move) stays well below it; queries are not limited.
  mutations: { points: 120, durationSeconds: 60, what: "changes" },
  // Photo, video and 3D model uploads, per user: each one streams up to 100 MB to disk and is processed (sharp,
  // the model optimiser), so they are the costliest requests we take; an owner filling a menu uploads one at a time.
  uploads: { points: 30, durationSeconds: 600, what: "uploads" },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;
