// Shared by the services that publish cache-tag changes (TypeScript) and the cache handler that Next loads at run
// time outside its bundles (plain JavaScript), so both name the channel the same way.

/** PostgreSQL NOTIFY channel that carries a revalidated cache tag to every app instance. */
export const CACHE_TAG_CHANNEL = "foodar_cache_tags";
