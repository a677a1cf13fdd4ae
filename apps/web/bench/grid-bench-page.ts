// Runs inside the dashboard page (bundled by grid-bench.ts): scrolls the image grid frame by frame and times
// each frame's main-thread work, from the frame's scroll event (where the virtualiser renders the new rows)
// to the task after its style, layout and paint. Long animation frames (> 50 ms, from any cause, a page of
// images arriving included) are counted as well.

interface FrameTimes {
  /** Main-thread work of each frame, ms. */
  work: number[];
  /** Time between frames, ms (16.7 at 60 Hz when nothing is dropped). */
  interval: number[];
}

export async function measureScrolling(plan: { flingFrames: number; steps: number[]; jumps: number }) {
  const grid = document.querySelector<HTMLElement>('[data-testid="image-grid"]');
  if (!grid) throw new Error("no image grid on the page");
  let frameStart: number | null = null;
  // Capture on the document runs before the virtualiser's own scroll listener.
  document.addEventListener("scroll", () => (frameStart ??= performance.now()), { capture: true, passive: true });
  const afterRendering = new MessageChannel();
  const long: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) long.push(entry.duration);
  });
  observer.observe({ type: "long-animation-frame", buffered: false });

  const frame = (move: () => void) =>
    new Promise<{ work: number; at: number }>((resolve) =>
      requestAnimationFrame((at) => {
        const start = frameStart ?? performance.now();
        frameStart = null;
        move();
        afterRendering.port1.onmessage = () => resolve({ work: performance.now() - start, at });
        afterRendering.port2.postMessage(0);
      }),
    );
  async function timed(frames: number, move: (i: number) => void): Promise<FrameTimes> {
    const times: FrameTimes = { work: [], interval: [] };
    let last = (await frame(() => {})).at;
    for (let i = 0; i < frames; i++) {
      const { work, at } = await frame(() => move(i));
      times.work.push(work);
      times.interval.push(at - last);
      last = at;
    }
    return times;
  }
  // A fling at each speed (pixels a frame), from the top.
  const flings: FrameTimes[] = [];
  for (const step of plan.steps) {
    grid.scrollTop = 0;
    flings.push(
      await timed(plan.flingFrames, () => {
        grid.scrollTop += step;
      }),
    );
  }
  // Jumps: a far position every 10th frame (as a dragged scrollbar lands); the frames between let pages load.
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const jumps = await timed(plan.jumps * 10, (i) => {
    if (i % 10 === 0) grid.scrollTop = random() * (grid.scrollHeight - grid.clientHeight);
  });
  observer.disconnect();
  return { flings, jumps, longAnimationFrames: long };
}
