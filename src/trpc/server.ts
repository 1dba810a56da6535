import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import { createCaller, type AppRouter } from "~/server/api/root";
import { createRequestContext } from "~/server/api/context";
import { createQueryClient } from "~/trpc/query-client";

// Server components call the router in-process: no HTTP round trip, same procedures and checks.
const createContext = cache(async () => createRequestContext(new Headers(await headers())));

export const getQueryClient = cache(createQueryClient);
const caller = createCaller(createContext);

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient);
