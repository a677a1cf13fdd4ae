import type { DefaultConnectionArguments } from "@pothos/plugin-relay";
import { type ResolveCursorConnectionArgs, resolveCursorConnection } from "@pothos/plugin-relay";
import type { PageRequest } from "@retrain/db";

/** Page sizes of every connection: `first`/`last` default to 50 and may not exceed 200. */
export const PAGE_SIZE = { defaultSize: 50, maxSize: 200 };

/** A Relay connection read a page at a time from the database, with the row id as the cursor. */
export function cursorPage<T extends { id: string }>(
  args: DefaultConnectionArguments,
  load: (page: PageRequest) => Promise<T[]>,
) {
  return resolveCursorConnection(
    { args, toCursor: (row: T) => row.id, ...PAGE_SIZE },
    ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => load({ before, after, limit, inverted }),
  );
}
