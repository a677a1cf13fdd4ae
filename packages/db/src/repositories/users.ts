import type { Db } from "../client.js";

export const usersRepository = (db: Db) => ({
  /**
   * Creates an account. The first account of an install becomes its administrator: the table is locked for
   * the check, so two first sign-ups at once cannot both be first.
   */
  create: (data: { email: string; name: string; passwordHash: string }) =>
    db.$transaction(async (tx) => {
      await tx.$executeRaw`LOCK TABLE "User" IN SHARE ROW EXCLUSIVE MODE`;
      const first = (await tx.user.count()) === 0;
      return tx.user.create({ data: { ...data, isAdmin: first } });
    }),
  /** Whether any account exists yet (the first sign-up is always allowed: it makes the administrator). */
  any: async () => (await db.user.findFirst({ select: { id: true } })) !== null,
  findByEmail: (email: string) => db.user.findUnique({ where: { email } }),
  findById: (id: string) => db.user.findUnique({ where: { id } }),
  setPasswordHash: (id: string, passwordHash: string) => db.user.update({ where: { id }, data: { passwordHash } }),
  rename: (id: string, name: string) => db.user.update({ where: { id }, data: { name } }),
  /** Deletes an account: sessions, tokens and memberships go; what it made for its teams stays, authorless. */
  delete: (id: string) => db.user.delete({ where: { id } }),
  findManyByIds: (ids: readonly string[]) => db.user.findMany({ where: { id: { in: [...ids] } } }),
});
