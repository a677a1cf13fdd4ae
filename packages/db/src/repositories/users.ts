import type { Db } from "../client.js";

export const usersRepository = (db: Db) => ({
  create: (data: { email: string; name: string; passwordHash: string }) => db.user.create({ data }),
  findByEmail: (email: string) => db.user.findUnique({ where: { email } }),
  findById: (id: string) => db.user.findUnique({ where: { id } }),
  findManyByIds: (ids: readonly string[]) => db.user.findMany({ where: { id: { in: [...ids] } } }),
});
