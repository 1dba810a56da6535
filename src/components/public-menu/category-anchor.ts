/** The id of a category's section; the nav's links are plain anchors to it, so they work before any script runs. */
export function categorySectionId(categoryId: string): string {
  return `category-${categoryId}`;
}
