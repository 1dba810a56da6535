export const SLUG_MIN = 3;
export const SLUG_MAX = 48;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Words that are, or may become, our own top-level routes or that would mislead customers.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about", "account", "admin", "api", "app", "assets", "auth", "billing", "blog", "checkout", "dashboard",
  "docs", "foodar", "health", "help", "login", "logout", "m", "mailbox", "menu", "new", "pricing", "privacy",
  "qr", "restaurants", "settings", "sign-in", "sign-out", "sign-up", "signin", "signup", "static", "status",
  "support", "terms", "webhooks", "www",
]);

/** Turns a restaurant name into a URL slug: "Café Lahore — Gulberg" → "cafe-lahore-gulberg". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug);
}

/** A slug from the name that is long enough and not reserved; callers still check that it is free. */
export function baseSlugFor(name: string): string {
  const slug = slugify(name);
  if (slug.length < SLUG_MIN || isReservedSlug(slug)) {
    return `${slug ? `${slug}-` : ""}restaurant`.slice(0, SLUG_MAX);
  }
  return slug;
}

/** Candidates tried in order when the base slug is taken: base, base-2, base-3, … */
export function slugCandidate(base: string, attempt: number): string {
  if (attempt <= 1) return base;
  const suffix = `-${attempt}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, "")}${suffix}`;
}
