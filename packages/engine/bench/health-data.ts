import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { seededRandom } from "../src/data/random.js";
import { assignSplit, defaultGroupKey } from "../src/data/splits.js";
import type { HealthSplit } from "../src/health/balance.js";

export interface BenchImage {
  name: string;
  bytes: Uint8Array;
  label: number;
  split: HealthSplit;
}

/** What the benchmark planted, to score the report against. */
export interface Planted {
  flipped: Set<number>;
  /** [original, copy] row pairs, the copy in another split. */
  copies: [number, number][];
  strays: Set<number>;
}

const otherSplit = (split: HealthSplit): HealthSplit => (split === "train" ? "test" : "train");

/** A 224 x 224 picture of no flower: stripes, checks, rings or noise, in random colours. */
function pattern(kind: number, random: () => number): Promise<Buffer> {
  const size = 224;
  const pixels = Buffer.alloc(size * size * 3);
  const colour = () => [0, 1, 2].map(() => Math.floor(random() * 256));
  const [a, b] = [colour(), colour()];
  const period = 8 + Math.floor(random() * 24);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - size / 2, y - size / 2);
      const on = [
        Math.floor(x / period) % 2 === 0,
        (Math.floor(x / period) + Math.floor(y / period)) % 2 === 0,
        Math.floor(r / period) % 2 === 0,
        random() < 0.5,
      ][kind % 4];
      const c = on ? a : b;
      pixels.set(c ?? [0, 0, 0], (y * size + x) * 3);
    }
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } })
    .png()
    .toBuffer();
}

/**
 * flowers_small as a team might have it: 5% of labels flipped at random, 40 photos copied into another split
 * after re-encoding at another JPEG quality and resizing to 80%, and 20 generated images of no flower.
 */
export async function corruptedFlowers(flowersDir: string, seed = 11) {
  const random = seededRandom(seed);
  const labelNames = (await readdir(flowersDir)).sort();
  const images: BenchImage[] = [];
  for (const [label, name] of labelNames.entries())
    for (const file of (await readdir(path.join(flowersDir, name))).sort())
      images.push({
        name: `${name}/${file}`,
        bytes: await readFile(path.join(flowersDir, name, file)),
        label,
        split: assignSplit(`${name}/${defaultGroupKey(file)}`) as HealthSplit,
      });
  const count = images.length;
  const pickDistinct = (n: number, avoid: Set<number>) => {
    const chosen = new Set<number>();
    while (chosen.size < n) {
      const i = Math.floor(random() * count);
      if (!avoid.has(i)) chosen.add(i);
    }
    return chosen;
  };
  const flipped = pickDistinct(Math.round(count * 0.05), new Set());
  for (const i of flipped) {
    const image = images[i];
    if (image) image.label = (image.label + 1 + Math.floor(random() * (labelNames.length - 1))) % labelNames.length;
  }
  const copies: [number, number][] = [];
  for (const i of pickDistinct(40, flipped)) {
    const source = images[i];
    if (!source) continue;
    const meta = await sharp(source.bytes).metadata();
    const bytes = await sharp(source.bytes)
      .resize(Math.round((meta.width ?? 224) * 0.8))
      .jpeg({ quality: 55 + Math.floor(random() * 30) })
      .toBuffer();
    images.push({ name: `copy-of-${source.name}`, bytes, label: source.label, split: otherSplit(source.split) });
    copies.push([i, images.length - 1]);
  }
  const strays = new Set<number>();
  for (let k = 0; k < 20; k++) {
    images.push({
      name: `pattern-${k}.png`,
      bytes: await pattern(k, random),
      label: Math.floor(random() * labelNames.length),
      split: assignSplit(`pattern-${k}`) as HealthSplit,
    });
    strays.add(images.length - 1);
  }
  return { images, labelNames, planted: { flipped, copies, strays } satisfies Planted };
}
