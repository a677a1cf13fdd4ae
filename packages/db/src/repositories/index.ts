export { activityRepository } from "./activity.js";
export { datasetsRepository } from "./datasets.js";
export { credentialsRepository } from "./sessions.js";
export { usersRepository } from "./users.js";
export { workspacesRepository } from "./workspaces.js";
