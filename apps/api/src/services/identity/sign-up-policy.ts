import type { Db } from "@retrain/db";
import { usersRepository } from "@retrain/db";
import { ForbiddenError } from "../../domain/errors.js";

/** Who may create an account: anyone, people holding an invitation link, or nobody new. */
export const SIGN_UP_MODES = ["open", "invite-only", "closed"] as const;
export type SignUpMode = (typeof SIGN_UP_MODES)[number];

const MESSAGES: Record<SignUpMode, string | null> = {
  open: null,
  "invite-only":
    "New accounts are by invitation only: ask an owner or admin of your team's workspace for an invitation link.",
  closed: "This installation does not take new accounts. Ask its administrator if you need one.",
};

/**
 * The sign-up policy of this install. The very first account is always allowed whatever the mode (it
 * becomes the administrator); after it, `mode` decides. An invitation link counts in `invite-only` mode.
 */
export function createSignUpPolicy(db: Db, mode: SignUpMode) {
  const users = usersRepository(db);
  return {
    /** What the dashboard shows before offering a form: the mode, and why one cannot sign up, if one cannot. */
    async describe() {
      const first = !(await users.any());
      return { mode, firstAccount: first, message: first ? null : MESSAGES[mode] };
    },
    /** Refuses (FORBIDDEN, saying why) an account the policy does not allow. */
    async check(invited: boolean) {
      if (mode === "open" || !(await users.any())) return;
      if (mode === "invite-only" && invited) return;
      throw new ForbiddenError(MESSAGES[mode] ?? "Sign-ups are closed.");
    },
  };
}

export type SignUpPolicy = ReturnType<typeof createSignUpPolicy>;
