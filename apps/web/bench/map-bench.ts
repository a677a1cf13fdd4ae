// `npm run bench:map`: can the dashboard draw a 50,000-image dataset map smoothly? In Debian's Chromium
// (as the e2e tests drive it), the map's own drawing code (apps/web/lib/map-canvas.ts, bundled by esbuild)
// draws 50,000 points with rings at device pixel ratio 2, finds the point under the pointer, and selects a
// lasso's points; each timed over repeated runs. A frame at 60 Hz is 16.7 ms. Writes bench-results/map.json.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { build } from "esbuild";

const POINTS = Number(process.argv[2] ?? 50_000);
const bundle = await build({
  entryPoints: [path.join(import.meta.dirname, "map-bench-page.ts")],
  bundle: true,
  format: "iife",
  globalName: "mapBench",
  write: false,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const page = await browser.newPage({ deviceScaleFactor: 2 });
await page.setContent('<canvas id="map" width="1440" height="960" style="width:720px;height:480px"></canvas>');
await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
const results = await page.evaluate(`mapBench.runMapBench(${POINTS})`);
await browser.close();
console.log(JSON.stringify(results, null, 2));
await mkdir("bench-results", { recursive: true });
await writeFile("bench-results/map.json", `${JSON.stringify(results, null, 2)}\n`);
