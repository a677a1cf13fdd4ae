import { type Db, usersRepository, workspacesRepository } from "@retrain/db";
import type { PasswordHasher } from "../../auth/passwords.js";
import type { AuthLimits } from "../../auth/rate-limits.js";
import { ConflictError, ValidationError } from "../../domain/errors.js";
import { requireName, requirePassword } from "../../domain/validate.js";
import { type Caller, requireCaller } from "../workspaces/access.js";
import { activityLog } from "../workspaces/activity-log.js";

/** One's own account: the name others see, and leaving the product for good. */
export function createAccountService(db: Db, passwords: PasswordHasher, limits: AuthLimits) {
  const users = usersRepository(db);
  const workspaces = workspacesRepository(db);
  const log = activityLog(db);

  return {
    async rename(caller: Caller | null, name: string) {
      const { userId } = requireCaller(caller, "write");
      return users.rename(userId, requireName("name", name));
    },

    /**
     * Deletes the caller's account after checking the password. What they made for their teams (datasets,
     * runs, comments) stays, without an author. A workspace they alone own must get another owner (or be
     * deleted) first, so no team is left without one.
     */
    async delete(caller: Caller | null, password: string) {
      const { userId } = requireCaller(caller, "write");
      const user = await users.findById(userId);
      await limits.passwordCheck(userId);
      if (!user || !(await passwords.verify(requirePassword("password", password, 0), user.passwordHash)))
        throw new ValidationError("password", "The password is wrong.");
      const alone = await workspaces.ownedAlone(userId);
      if (alone.length > 0)
        throw new ConflictError(
          `You are the only owner of ${alone.map((w) => w.name).join(", ")}: make someone else an owner, or delete the workspace, first.`,
        );
      for (const workspace of await workspaces.listForUser(userId))
        await log.record({ userId }, workspace.id, "member.left", ["User", userId]);
      await users.delete(userId);
      return true;
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
