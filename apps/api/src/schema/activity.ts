import type { Activity } from "@retrain/db";
import { builder } from "./builder.js";
import { cursorPage } from "./connection.js";
import { UserRef } from "./user.js";
import { WorkspaceRef } from "./workspace.js";

const ActivityRef = builder.objectRef<Activity>("Activity").implement({
  description: "Something someone did in a workspace.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id." }),
    verb: t.exposeString("verb", { description: "What happened, such as dataset.created or member.invited." }),
    subjectType: t.exposeString("subjectType", { description: "The kind of thing it happened to." }),
    subjectId: t.exposeString("subjectId", { description: "The id of that thing." }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: "Who did it.",
      resolve: (a, _x, { loaders }) => (a.actorId ? loaders.user.load(a.actorId) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
    detail: t.string({
      nullable: true,
      description: "More, in words: for a promotion, what the parity check found.",
      resolve: (a) => parityDetail(a.data),
    }),
  }),
});

/** A promotion's parity check in words (the activity's data holds its figures). */
function parityDetail(data: Activity["data"]): string | null {
  const parity = data?.parity;
  if (!parity) return null;
  if (parity.checked === 0) return "no held-out images to check through serving";
  return parity.passed
    ? `served ${parity.checked} held-out images as in its evaluation`
    : `refused: ${parity.differences?.length ?? 0} of ${parity.checked} held-out images answered differently through serving`;
}

builder.objectField(WorkspaceRef, "activity", (t) =>
  t.connection({
    type: ActivityRef,
    description: "What happened, newest first.",
    resolve: (w, args, { services, caller }) =>
      cursorPage(args, (page) => services.workspaces.activity(caller, w.id, page)),
  }),
);
