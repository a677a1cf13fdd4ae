import type { Db } from "../client.js";

export const usersRepository = (db: Db) => ({
  create: (data: { email: string; name: string; passwordHash: string }) => db.user.create({ data }),
  findByEmail: (email: string) => db.user.findUnique({ where: { email } }),
  findById: (id: string) => db.user.findUnique({ where: { id } }),
  setPasswordHash: (id: string, passwordHash: string) => db.user.update({ where: { id }, data: { passwordHash } }),
  rename: (id: string, name: string) => db.user.update({ where: { id }, data: { name } }),
  /** Deletes an account: sessions, tokens and memberships go; what it made for its teams stays, authorless. */
  delete: (id: string) => db.user.delete({ where: { id } }),
  findManyByIds: (ids: readonly string[]) => db.user.findMany({ where: { id: { in: [...ids] } } }),
});
