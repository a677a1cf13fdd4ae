import { createHash } from "node:crypto";
import type { Split, StoredHealthReport } from "@retrain/db";

export interface CurrentImage {
  labelId: string | null;
  split: Split;
}

export interface HealthView {
  duplicates: { key: string; imageIds: string[]; maxDistance: number; crossesSplits: boolean }[];
  mislabeled: (StoredHealthReport["mislabeled"][number] & { key: string })[];
  strays: { key: string; imageId: string; score: number }[];
  /** Findings hidden because a member marked them reviewed. */
  reviewed: number;
  /** Images any open finding names (outlined on the map). */
  flagged: Set<string>;
}

/** Finding keys: what a finding is about, so a review outlives recomputed reports that find it again. */
export const findingKey = {
  duplicate: (imageIds: readonly string[]) => `duplicate:${[...imageIds].sort().join(",")}`,
  mislabeled: (imageId: string, givenLabelId: string) => `mislabeled:${imageId}:${givenLabelId}`,
  stray: (imageId: string) => `stray:${imageId}`,
};

/** The longest key a finding can have: a duplicate group of a few thousand images. */
export const MAX_FINDING_KEY = 100_000;

export const isFindingKey = (key: string) =>
  key.length <= MAX_FINDING_KEY && /^(duplicate:[\w,]+|mislabeled:\w+:\w+|stray:\w+)$/.test(key);

/**
 * How a reviewed finding is stored: as is, or for a long key (a big duplicate group) its SHA-256, since the
 * database's index holds keys of a few kilobytes at most.
 */
export const reviewKey = (key: string) =>
  key.length <= 200 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;

/**
 * A stored report read against the dataset as it is now: deleted images leave their findings, a relabelled
 * image leaves the mislabeled list, a duplicate group is leakage only while its members still span splits,
 * and reviewed findings stay dismissed. So a one-click fix shows at once, before any recomputation.
 */
export function healthView(
  report: StoredHealthReport,
  images: ReadonlyMap<string, CurrentImage>,
  reviewedKeys: ReadonlySet<string>,
): HealthView {
  let reviewed = 0;
  const open = <T extends { key: string }>(findings: T[]) =>
    findings.filter((f) => {
      const dismissed = reviewedKeys.has(reviewKey(f.key));
      if (dismissed) reviewed++;
      return !dismissed;
    });
  const duplicates = open(
    report.duplicates.flatMap((group) => {
      const imageIds = group.imageIds.filter((id) => images.has(id));
      if (imageIds.length < 2) return [];
      const splits = new Set(imageIds.map((id) => images.get(id)?.split));
      return [
        {
          key: findingKey.duplicate(group.imageIds),
          imageIds,
          maxDistance: group.maxDistance,
          crossesSplits: splits.size > 1,
        },
      ];
    }),
  );
  const mislabeled = open(
    report.mislabeled
      .filter((m) => images.get(m.imageId)?.labelId === m.givenLabelId)
      .map((m) => ({ ...m, key: findingKey.mislabeled(m.imageId, m.givenLabelId) })),
  );
  const strays = open(
    report.strays.filter((s) => images.has(s.imageId)).map((s) => ({ ...s, key: findingKey.stray(s.imageId) })),
  );
  const flagged = new Set([
    ...duplicates.flatMap((d) => d.imageIds),
    ...mislabeled.map((m) => m.imageId),
    ...strays.map((s) => s.imageId),
  ]);
  return { duplicates, mislabeled, strays, reviewed, flagged };
}
