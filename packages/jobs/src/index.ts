export * from "./job-kinds.js";
export { type ExtractionHelp, type JobQueue, openJobQueue, type QueueOptions } from "./job-queue.js";
