/** Applies every pending migration of `migrationsDir` to the database at `url`; returns their names. */
export function applyMigrations(options: { url: string; migrationsDir: string }): Promise<string[]>;
