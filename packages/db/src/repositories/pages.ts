/** One page of a cursor connection, as the GraphQL layer asks for it: rows after or before a row id. */
export interface PageRequest {
  after?: string;
  before?: string;
  limit: number;
  /** Paging backwards (last/before): rows are wanted nearest the cursor first. */
  inverted: boolean;
}

/**
 * Prisma arguments for a page: a cursor on the row id (the order must end with the id, so ties are stable)
 * and a take that is negative when paging backwards.
 */
export function pageArgs(page: PageRequest) {
  const cursor = page.after ?? page.before;
  return { take: page.inverted ? -page.limit : page.limit, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

/** Rows of a page in the order the connection helper expects (nearest the cursor first when inverted). */
export function pageRows<T>(page: PageRequest, rows: T[]): T[] {
  return page.inverted ? rows.reverse() : rows;
}
