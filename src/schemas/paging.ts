import { z } from "zod";

// tRPC's useInfiniteQuery sends the direction it pages in together with the cursor; the lists only page
// forward, but their strict schemas must accept the key or every "load more" is refused.
export const pagingDirectionSchema = z.enum(["forward", "backward"]).optional();
