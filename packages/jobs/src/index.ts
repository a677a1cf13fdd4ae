export * from "./job-kinds.js";
export {
  type ExtractionHelp,
  type JobQueue,
  openJobQueue,
  QUEUE_WAKEUPS_CHANNEL,
  type QueueOptions,
  type QueueWakeups,
} from "./job-queue.js";
