// Claims of a shared extraction shrink near its end (a quarter of the free images ahead, not under 32), so
// the last images are spread over the workers instead of one worker computing a whole last chunk alone.
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.js";
import { extractionClaimsRepository } from "../src/repositories/extraction-claims.js";
import { addImages, datasetAndBaseModel } from "./dataset-fixture.js";

const IMAGES = 2000;

describe("claiming chunks of a dataset's missing vectors", () => {
  let db: Db;
  let datasetId: string;
  let baseModelId: string;
  beforeAll(async () => {
    ({ db } = await useTestDatabase());
    ({ datasetId, baseModelId } = await datasetAndBaseModel(db, 4));
    await addImages(db, datasetId, 1, IMAGES);
  });

  it("takes whole chunks while four are free ahead, then a quarter of what is free, and every image once", async () => {
    const claims = extractionClaimsRepository(db);
    const sizes: number[] = [];
    const seen = new Set<string>();
    let after = "";
    for (;;) {
      // Two owners taking turns, as two workers would.
      const chunk = await claims.claim(datasetId, baseModelId, `owner-${sizes.length % 2}`, 256, 60, after);
      if (chunk.length === 0) break;
      for (const image of chunk) seen.add(image.id);
      sizes.push(chunk.length);
      after = chunk.at(-1)?.id ?? "";
    }
    const expected: number[] = [];
    for (let free = IMAGES; free > 0; ) {
      const size = Math.min(free, Math.min(256, Math.max(32, Math.ceil(Math.min(free, 1024) / 4))));
      expected.push(size);
      free -= size;
    }
    expect(sizes).toEqual(expected);
    expect(sizes.slice(0, 3)).toEqual([256, 256, 256]);
    expect(sizes.at(-2)).toBe(32);
    expect(seen.size).toBe(IMAGES);
    expect(await db.extractionClaim.count()).toBe(IMAGES);
  });

  it("keeps a chunk size set below the smallest guided chunk", async () => {
    await db.extractionClaim.deleteMany();
    const claims = extractionClaimsRepository(db);
    const chunk = await claims.claim(
      datasetId,
      baseModelId,
      "small",
      20,
      60,
      `i${String(IMAGES - 30).padStart(6, "0")}`,
    );
    expect(chunk).toHaveLength(20);
  });
});
