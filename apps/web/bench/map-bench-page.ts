// Runs in the browser (bundled with the map's drawing code by esbuild): times the map at `count` points.
import { drawPoints, nearestPoint, pointsInLasso } from "../lib/map-canvas";

const lib = { drawPoints, nearestPoint, pointsInLasso };

export function runMapBench(count: number) {
  const canvas = document.getElementById("map") as HTMLCanvasElement;
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  context.setTransform(2, 0, 0, 2, 0, 0);
  // Clustered points, as a real map looks: 20 labels around their own centres.
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  };
  const xy = new Float32Array(count * 2);
  const palette = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#c026d3", "#65a30d"];
  const colours: string[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 20;
    xy[i * 2] = 12 + ((label % 5) * 140 + random() * 120);
    xy[i * 2 + 1] = 12 + (Math.floor(label / 5) * 110 + random() * 100);
    colours.push(palette[label % palette.length] ?? "#000");
  }
  const scene = {
    xy,
    colours,
    flagged: (i: number) => i % 50 === 0,
    selected: (i: number) => i % 97 === 0,
    highlighted: (i: number) => i % 499 === 0,
  };
  const time = (runs: number, work: () => void) => {
    work(); // warm up
    const started = performance.now();
    for (let r = 0; r < runs; r++) work();
    return (performance.now() - started) / runs;
  };
  const draw = time(20, () => {
    lib.drawPoints(context, scene, 720, 480);
    context.getImageData(0, 0, 1, 1); // waits for the drawing to be done
  });
  const hover = time(200, () => lib.nearestPoint(xy, [360 + random() * 10, 240 + random() * 10]));
  const lasso: [number, number][] = Array.from({ length: 200 }, (_, k) => [
    360 + 200 * Math.cos((2 * Math.PI * k) / 200),
    240 + 150 * Math.sin((2 * Math.PI * k) / 200),
  ]);
  let selected = 0;
  const select = time(10, () => {
    selected = lib.pointsInLasso(xy, lasso).length;
  });
  return { points: count, drawMs: draw, hoverMs: hover, lassoMs: select, lassoSelected: selected };
}
