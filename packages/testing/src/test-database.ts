import { randomUUID } from "node:crypto";
import {
  type ClientOptions,
  createDatabaseFromTemplate,
  createPrismaClient,
  type Db,
  dropDatabase,
  withDatabase,
} from "@retrain/db";
import { afterAll, inject } from "vitest";
import "./provided-context.js";

export interface TestDatabase {
  url: string;
  db: Db;
}

/** A fresh, migrated database for one test file, dropped after its tests. */
export async function useTestDatabase(options: ClientOptions = {}): Promise<TestDatabase> {
  const url = withDatabase(inject("postgresUrl"), `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`);
  await createDatabaseFromTemplate(url, inject("templateDatabase"));
  const db = createPrismaClient(url, { max: 4, ...options });
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabase(url);
  });
  return { url, db };
}

/** An empty database (no tables), dropped after the file's tests. */
export async function useEmptyDatabase(): Promise<string> {
  const url = withDatabase(inject("postgresUrl"), `empty_${randomUUID().replaceAll("-", "").slice(0, 16)}`);
  await createDatabaseFromTemplate(url, "template0");
  afterAll(() => dropDatabase(url));
  return url;
}
