// `pnpm bench:inspect`: what checking an upload costs (inspectImage: size, format, truncation, thumbnail), per
// photo, for 100 flowers_small photos (128 x 128: each is its own thumbnail) and 40 of them made camera-sized
// (1600 x 1200 JPEGs).
// Needs ../shared.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { sharedDir } from "@retrain/testing";
import sharp from "sharp";
import { inspectImage } from "../src/images/inspect-image.js";

const dir = path.join(sharedDir(), "datasets/flowers_small/daisy");
const small = await Promise.all(
  (await readdir(dir))
    .sort()
    .slice(0, 100)
    .map((n) => readFile(path.join(dir, n))),
);
const large = await Promise.all(
  small.slice(0, 40).map((b) => sharp(b).resize(1600, 1200).jpeg({ quality: 90 }).toBuffer()),
);
for (const [kind, photos] of [
  ["128 x 128", small],
  ["1600 x 1200", large],
] as const) {
  for (const b of photos.slice(0, 5)) await inspectImage(b, "warm-up.jpg");
  const t0 = performance.now();
  for (const b of photos) await inspectImage(b, "photo.jpg");
  console.log(
    `${kind}: ${((performance.now() - t0) / photos.length).toFixed(2)} ms per photo (${photos.length} photos)`,
  );
}
