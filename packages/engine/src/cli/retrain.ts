#!/usr/bin/env -S node --conditions=compiled
// The retrain CLI: `pnpm retrain --image-dir flowers --base-model mobilenet_v2_035_224 --json`.
import { EngineError } from "../errors.js";
import { retrain } from "../pipeline/retrain.js";
import { createProgressDisplay, type ProgressLine } from "./progress.js";
import { parseRetrainArgs, USAGE } from "./retrain-args.js";

async function main(): Promise<number> {
  const { options, json, help, remote } = parseRetrainArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (remote) {
    // Loaded for remote mode only: training here needs no HTTP client.
    const { remoteRetrain } = await import("./remote-retrain.js");
    const summary = await remoteRetrain(options, remote);
    const pct = (x: number | null | undefined) => (x == null ? "none" : `${(x * 100).toFixed(1)}%`);
    process.stderr.write(
      `\n${summary.uploads.accepted} images uploaded (${summary.uploads.duplicate} duplicates, ${summary.uploads.rejected} refused) to ${summary.server}; ` +
        `validation ${pct(summary.metrics?.validationAccuracy)}, test ${pct(summary.metrics?.testAccuracy)}\nsaved ${summary.model ?? "nothing"}\n`,
    );
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  }
  const progress = createProgressDisplay();
  let extractLine: ProgressLine | undefined;
  let trainLine: ProgressLine | undefined;
  const summary = await retrain(options, {
    onStage: (stage, detail) => {
      if (stage === "save") progress.stop();
      if (detail) process.stderr.write(`${stage}: ${detail}\n`);
    },
    onExtractProgress: (p) => {
      extractLine ??= progress.line("extract");
      const eta = p.etaSeconds !== undefined ? `, ETA ${Math.round(p.etaSeconds)} s` : "";
      extractLine.update(
        p.done,
        p.total ?? p.done,
        `| ${p.reused} cached, ${p.computed} computed, ${p.failed} failed | ${p.imagesPerSecond.toFixed(1)} img/s${eta}`,
      );
    },
    onEpoch: (m, epochs) => {
      trainLine ??= progress.line("train");
      const val = m.validationAccuracy !== undefined ? ` val acc ${m.validationAccuracy.toFixed(3)}` : "";
      trainLine.update(m.epoch, epochs, `| loss ${m.trainLoss.toFixed(3)} acc ${m.trainAccuracy.toFixed(3)}${val}`);
    },
  }).finally(() => progress.stop());

  for (const u of summary.unreadable) process.stderr.write(`skipped ${u.file}: ${u.reason}\n`);
  for (const why of summary.output.skipped) process.stderr.write(`export skipped, ${why}\n`);
  if (summary.backendNote) process.stderr.write(`note: ${summary.backendNote}\n`);
  // An empty split (--test-percent 0) has no figure: said as such, not as 0%.
  const pct = (x: number | null) => (x === null ? "none (no images)" : `${(x * 100).toFixed(1)}%`);
  process.stderr.write(
    `\n${summary.images.total} images (${summary.reused} vectors from the cache, ${summary.computed} computed, ` +
      `${summary.images.unreadable} unreadable) on ${summary.backend}; ${summary.extraction.imagesPerSecond.toFixed(1)} img/s\n` +
      `trained ${summary.training.epochs} epochs in ${summary.training.seconds.toFixed(1)} s: validation ${pct(summary.validationAccuracy)}, ` +
      `test ${pct(summary.testAccuracy)}${summary.testAccuracy === null ? "" : ` (top-k ${pct(summary.testTopKAccuracy)})`}\n` +
      `saved ${[summary.output.checkpoint, summary.output.model, summary.output.onnx].filter(Boolean).join(", ")}\n`,
  );
  if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const known =
      error instanceof EngineError ||
      (error as Error).name === "RetrainApiError" ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`retrain: ${known ? (error as Error).message : (error as Error).stack}\n`);
    if (known) process.stderr.write("Run with --help for the options.\n");
    process.exit(known ? 2 : 1);
  },
);
