export { activityRepository } from "./activity.js";
export { baseModelsRepository } from "./base-models.js";
export { bottlenecksRepository } from "./bottlenecks.js";
export { datasetsRepository } from "./datasets.js";
export { type ImageFilter, imagesRepository } from "./images.js";
export { jobsRepository } from "./jobs.js";
export { credentialsRepository } from "./sessions.js";
export { usersRepository } from "./users.js";
export { workspacesRepository } from "./workspaces.js";
