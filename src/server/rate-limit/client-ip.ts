import { isIP } from "node:net";

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address as the proxy in front of the app reports it: the first `x-forwarded-for` entry, else
 * `x-real-ip`. This trusts that proxy (Vercel, a load balancer) to set the header; a client reaching the app
 * directly could send any address. Anything that is not an IP address (a missing or forged header) is counted
 * under one shared key, so a made-up value cannot open a fresh count nor a key too long for the store.
 */
export function clientIpFrom(headers: HeaderSource): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || headers.get("x-real-ip")?.trim() || "";
  return isIP(candidate) ? candidate.toLowerCase() : "unknown";
}
