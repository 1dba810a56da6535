// The public origin is the host the owner reached the dashboard on (behind a proxy, the forwarded one), so QR
// codes and the address shown in settings point wherever this deployment is served.

type HeaderSource = { get(name: string): string | null };

// A proxy chain may list several values ("client, proxy"): the first is what the browser asked for.
const firstValue = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** "https://foodar.app": the origin the browser asked for, from this request's (forwarded) headers. */
export function requestOriginFrom(headers: HeaderSource, fallbackHost = "localhost:3000"): string {
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host")) ?? fallbackHost;
  const protocol = firstValue(headers.get("x-forwarded-proto")) ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${protocol}://${host}`;
}

/** "https://foodar.app/m/": where public menus live on the host of this request. */
export function menuBaseUrlFrom(headers: HeaderSource, fallbackHost = "localhost:3000"): string {
  return `${requestOriginFrom(headers, fallbackHost)}/m/`;
}

/** What a QR code opens: the menu, and with a table code `?t=<code>` so views are counted per table. */
export function menuUrl(baseUrl: string, slug: string, tableCode?: string): string {
  return `${baseUrl}${slug}${tableCode ? `?t=${encodeURIComponent(tableCode)}` : ""}`;
}
