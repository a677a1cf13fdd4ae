// The count of a dataset's images still without a vector, planned on statistics taken before any vector was
// stored (as a running extraction sees them: vectors arrive faster than autovacuum re-analyses the table).
import { useTestDatabase } from "@retrain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/client.js";
import { extractionClaimsRepository, missingCountQuery } from "../src/repositories/extraction-claims.js";
import { addImages, datasetAndBaseModel } from "./dataset-fixture.js";

const IMAGES = 3000;

interface PlanNode {
  "Node Type": string;
  "Rows Removed by Join Filter"?: number;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe("counting the images still without a vector", () => {
  let db: Db;
  let datasetId: string;
  let baseModelId: string;
  beforeAll(async () => {
    ({ db } = await useTestDatabase());
    for (const table of ["Image", "Bottleneck", "ExtractionFailure"])
      await db.$executeRawUnsafe(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
    const fixture = await datasetAndBaseModel(db, 4);
    ({ datasetId, baseModelId } = fixture);
    const otherId = (await db.dataset.create({ data: { workspaceId: fixture.workspaceId, name: "other" } })).id;
    // Statistics from when the dataset had 20 images (among another's thousands) and the base model no
    // vectors...
    await addImages(db, otherId, 100_001, 100_000 + IMAGES);
    await addImages(db, datasetId, 1, 20);
    await db.$executeRawUnsafe(`ANALYZE "Image", "Bottleneck", "ExtractionFailure"`);
    // ...and then thousands of both.
    await addImages(db, datasetId, 21, IMAGES);
    await db.$executeRawUnsafe(
      `INSERT INTO "Bottleneck" (id, "imageId", "baseModelId", dim, vector)
       SELECT 'v' || id, id, $1, 1, '\\x00000000'::bytea FROM "Image" WHERE id <= 'i002900'`,
      baseModelId,
    );
  });

  it("is right, and probes each image's vector instead of comparing every image with every vector", async () => {
    expect(await extractionClaimsRepository(db).missingCount(datasetId, baseModelId)).toBe(IMAGES - 2900);
    const [explained] = await db.$queryRaw<[{ "QUERY PLAN": [{ Plan: PlanNode }] }]>`
      EXPLAIN (ANALYZE, FORMAT JSON) ${missingCountQuery(datasetId, baseModelId)}`;
    const nodes = nodesOf(explained["QUERY PLAN"][0].Plan);
    // A join planned on those statistics compares every image with every vector: millions of rows removed.
    const compared = nodes.reduce((sum, node) => sum + (node["Rows Removed by Join Filter"] ?? 0), 0);
    expect(compared).toBe(0);
    expect(nodes.map((node) => node["Node Type"])).not.toContain("Materialize");
  });
});
