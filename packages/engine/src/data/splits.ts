import { createHash } from "node:crypto";
import path from "node:path";
import { InvalidOptionError } from "../errors.js";

export type SplitName = "train" | "validation" | "test";

export interface SplitOptions {
  /** Percent of groups held out for validation (retrain.py's default: 10). */
  validationPercent?: number;
  /** Percent of groups held out for the final test (retrain.py's default: 10). */
  testPercent?: number;
}

/**
 * retrain.py's convention: photos named `x_nohash_1.jpg`, `x_nohash_2.jpg` are variants of one subject and
 * must share a split; the group key is the file name with everything from `_nohash_` removed.
 */
export function defaultGroupKey(fileName: string): string {
  return path.basename(fileName).replace(/_nohash_.*$/, "");
}

/**
 * A stable split from a hash of the group key, as retrain.py does: the same key always lands in the same
 * split, whatever else is added to the dataset, so validation images never leak into training later.
 */
export function assignSplit(groupKey: string, options: SplitOptions = {}): SplitName {
  const validation = options.validationPercent ?? 10;
  const test = options.testPercent ?? 10;
  if (validation < 0 || test < 0 || validation + test >= 100) {
    throw new InvalidOptionError(
      "validationPercent",
      `validation (${validation}%) and test (${test}%) must be >= 0 and leave room for training`,
    );
  }
  const digest = createHash("sha1").update(groupKey).digest();
  const percent = (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
  if (percent < validation) return "validation";
  if (percent < validation + test) return "test";
  return "train";
}
