export * from "./job-kinds.js";
export { type JobQueue, openJobQueue, type QueueOptions } from "./job-queue.js";
