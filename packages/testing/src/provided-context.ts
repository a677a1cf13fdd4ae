// What the global setup hands every test file through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server for tests (its `postgres` database). */
    postgresUrl: string;
    /** A migrated database that each test file copies into a fresh one. */
    templateDatabase: string;
  }
}

export {};
