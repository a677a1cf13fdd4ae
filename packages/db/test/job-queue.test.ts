import { type ExtractionHelp, type JobQueue, openJobQueue, QUEUE_WAKEUPS_CHANNEL } from "@retrain/jobs";
import { until, useTestDatabase } from "@retrain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChangeFeed, type Db, openChangeFeed } from "../src/index.js";

// A worker polls each queue every 30 s here: a message it takes within a few seconds was announced to it
// (the sender's pg_notify, heard by the worker's feed on the wake-up channel), not found by a poll.
const POLL_SECONDS = 30;
const WITHIN_MS = 10_000;

/** Resolves with the value, or rejects if it takes longer than the poll would not (the wake-up is missing). */
function within<T>(promise: Promise<T>, what: string) {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} was not taken within ${WITHIN_MS} ms`)), WITHIN_MS).unref(),
    ),
  ]);
}

/** A queue of messages as the handler receives them, each awaited in turn. */
function inbox<T>() {
  const waiting: ((value: T) => void)[] = [];
  const arrived: T[] = [];
  return {
    put: (value: T) => {
      const resolve = waiting.shift();
      if (resolve) resolve(value);
      else arrived.push(value);
    },
    next: () => {
      const value = arrived.shift();
      return value === undefined ? new Promise<T>((resolve) => waiting.push(resolve)) : Promise.resolve(value);
    },
  };
}

describe("the job queue: help asked for, and wake-ups", () => {
  let db: Db;
  let wakeups: ChangeFeed;
  let worker: JobQueue;
  let sender: JobQueue;

  beforeAll(async () => {
    let url: string;
    ({ db, url } = await useTestDatabase());
    wakeups = openChangeFeed(url, { channel: QUEUE_WAKEUPS_CHANNEL });
    // The feed listens once it hears a probe (its connection is made in the background).
    let heard = false;
    const stopProbing = wakeups.subscribe("probe", () => {
      heard = true;
    });
    await until("the wake-up feed to listen", async () => {
      await db.$queryRaw`SELECT 1 FROM pg_notify(${QUEUE_WAKEUPS_CHANNEL}, 'probe')`;
      return heard;
    });
    stopProbing();
    worker = await openJobQueue(url, { pollingIntervalSeconds: POLL_SECONDS, wakeups });
    sender = await openJobQueue(url); // another process (an API, another worker)
  });

  afterAll(async () => {
    await worker?.stop();
    await sender?.stop();
    await wakeups?.close();
  });

  it("asks for help by topping the messages waiting for an extraction up to the count asked", async () => {
    const help = { datasetId: "topped", baseModelId: "m" };
    expect(await sender.askForHelp(help, 3)).toBe(3);
    expect(await sender.askForHelp(help, 3)).toBe(0); // enough wait
    expect(await sender.askForHelp(help, 5)).toBe(2);
    expect(await sender.askForHelp({ ...help, datasetId: "another" }, 1)).toBe(1); // counted per extraction
    await db.$executeRaw`DELETE FROM pgboss.job WHERE name = 'extraction-help'`; // none left for the tests below
  });

  it("a job sent by another process starts at once, not at the worker's next poll", async () => {
    const taken = inbox<string>();
    await worker.work("EXTRACT", async ({ jobId }) => taken.put(jobId));
    // The first may be found by the worker's first fetch; after it, the worker waits out its poll.
    await sender.send("EXTRACT", { jobId: "first" });
    expect(await within(taken.next(), "the first job")).toBe("first");
    for (const jobId of ["second", "third"]) {
      await sender.send("EXTRACT", { jobId });
      expect(await within(taken.next(), `the ${jobId} job`)).toBe(jobId);
    }
  });

  it("a helper joins another worker's extraction at once, and a delivery goes out at once", async () => {
    const helps = inbox<ExtractionHelp>();
    const deliveries = inbox<string>();
    await worker.workExtractionHelp(async (help) => helps.put(help));
    await worker.workDeliveries(async (id) => deliveries.put(id));
    for (const datasetId of ["d1", "d2"]) {
      expect(await sender.askForHelp({ datasetId, baseModelId: "m" }, 1)).toBe(1);
      expect(await within(helps.next(), `help for ${datasetId}`)).toEqual({ datasetId, baseModelId: "m" });
    }
    for (const id of ["w1", "w2"]) {
      await sender.sendDelivery(id);
      expect(await within(deliveries.next(), `delivery ${id}`)).toBe(id);
    }
  });
});
