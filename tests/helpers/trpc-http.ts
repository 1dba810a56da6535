import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import type { Context } from "~/server/api/trpc";

/** What a browser receives for a failed call: the shape our error formatter produces. */
export type TrpcErrorBody = {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    fieldErrors: Record<string, string[] | undefined> | null;
    formErrors: string[];
    retryAfterSeconds: number | null;
  };
};

export type HttpResult = { status: number; data?: unknown; error?: TrpcErrorBody };

/** Every procedure of the app router by its dotted path ("admin.approve"), with its kind. */
export function procedurePaths(): { path: string; type: string }[] {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return Object.entries(procedures).map(([path, procedure]) => {
    const def = (procedure as { _def?: { type?: unknown } })._def;
    return { path, type: typeof def?.type === "string" ? def.type : "unknown" };
  });
}

/**
 * Calls a procedure the way the app's client does (HTTP + superjson through tRPC's fetch adapter), with an
 * explicit context instead of cookies, so tests see exactly what a form sees, error formatter included.
 */
export async function callOverHttp(ctx: Context, path: string, input?: unknown): Promise<HttpResult> {
  const procedure = procedurePaths().find((candidate) => candidate.path === path);
  if (!procedure) throw new Error(`No procedure ${path}`);
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = new URL(`http://localhost:3000/api/trpc/${path}`);
  const isQuery = procedure.type === "query";
  if (isQuery && input !== undefined) url.searchParams.set("input", encoded);
  const request = new Request(url, isQuery ? { method: "GET" } : { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req: request, router: appRouter, createContext: () => ctx });
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: Parameters<typeof superjson.deserialize>[0] };
  if (body.error) return { status: response.status, error: superjson.deserialize<TrpcErrorBody>(body.error) };
  return { status: response.status, data: body.result ? superjson.deserialize(body.result.data) : undefined };
}

/** Calls a procedure of an in-process caller by its dotted path, for tests that walk the whole router. */
export async function callByPath(caller: object, path: string, input?: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  if (typeof target !== "function") throw new Error(`No procedure ${path} on the caller`);
  return (target as (input?: unknown) => Promise<unknown>)(input);
}
