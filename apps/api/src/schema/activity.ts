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
  }),
});

builder.objectField(WorkspaceRef, "activity", (t) =>
  t.connection({
    type: ActivityRef,
    description: "What happened, newest first.",
    resolve: (w, args, { services, caller }) =>
      cursorPage(args, (page) => services.workspaces.activity(caller, w.id, page)),
  }),
);
