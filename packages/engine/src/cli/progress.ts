import cliProgress from "cli-progress";

/** Progress of one stage: bars on a terminal; in logs (CI, files), a line every tenth of the way. */
export interface ProgressLine {
  update(value: number, total: number, info: string): void;
}

export interface ProgressDisplay {
  line(stage: string): ProgressLine;
  stop(): void;
}

export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!stream.isTTY) {
    return {
      line(stage) {
        let lastTenth = -1;
        return {
          update(value, total, info) {
            const tenth = total > 0 ? Math.floor((value / total) * 10) : 0;
            if (tenth === lastTenth) return;
            lastTenth = tenth;
            stream.write(`${stage} ${value}/${total} ${info}\n`);
          },
        };
      },
      stop() {},
    };
  }
  const bars = new cliProgress.MultiBar(
    { stream, hideCursor: true, clearOnComplete: false, format: " {stage} |{bar}| {value}/{total} {info}" },
    cliProgress.Presets.shades_classic,
  );
  return {
    line(stage) {
      const bar = bars.create(0, 0, { stage: stage.padEnd(7), info: "" });
      return {
        update(value, total, info) {
          bar.setTotal(total);
          bar.update(value, { info });
        },
      };
    },
    stop: () => bars.stop(),
  };
}
