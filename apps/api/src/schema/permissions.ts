import type { Role } from "@retrain/db";
import { type Action, allows } from "../domain/roles.js";
import { builder } from "./builder.js";

/** What each permission lets one do, as the dashboard and API clients read it. */
const WHAT: Record<Action, string> = {
  read: "See the workspace's datasets, experiments, runs and models.",
  predict: "Ask for predictions.",
  write: "Create and edit datasets, images, labels and experiments.",
  train: "Start and cancel training runs and extractions.",
  manageMembers: "Invite people and change or remove members below their own role.",
  manageWebhooks: "Add, change, test and delete the webhooks that send the workspace's events out.",
  destroy: "Delete what others may rely on: datasets with experiments, experiments, custom base models.",
  manageWorkspace: "Rename and delete the workspace, and decide whether served images are kept.",
};

/**
 * The caller's permissions in a workspace, one field per action the API checks: the role order lives only
 * in the API's domain, and the dashboard hides exactly what the API would refuse.
 */
export const PermissionsRef = builder.objectRef<Role>("Permissions").implement({
  description: "What the signed-in user may do in a workspace.",
  fields: (t) =>
    Object.fromEntries(
      (Object.keys(WHAT) as Action[]).map((action) => [
        action,
        t.boolean({ description: WHAT[action], resolve: (role) => allows(role, action) }),
      ]),
    ),
});
