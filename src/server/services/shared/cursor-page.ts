// Keyset paging by id: ask for one row more than the page holds; if it comes back, there is a next page
// and the last row shown is where it starts.
export type CursorPageInput = { cursor?: string; limit: number };

export function cursorPageArgs({ cursor, limit }: CursorPageInput) {
  return { take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

export function cursorPage<Row extends { id: string }>(rows: Row[], limit: number) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items.at(-1)?.id : undefined };
}
