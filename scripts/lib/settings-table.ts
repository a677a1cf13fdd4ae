import { describeSettings } from "@retrain/config";
import type { z } from "zod";
import { apiSettings } from "../../apps/api/src/config.js";
import { webSettings } from "../../apps/web/settings.js";
import { workerSettings } from "../../apps/worker/src/config.js";
import { startSettings } from "./start-settings.js";

const PROCESSES: [string, z.ZodObject][] = [
  ["npm start", startSettings],
  ["API", apiSettings],
  ["worker", workerSettings],
  ["dashboard", webSettings],
];

/** Every environment variable of every process, once each, as docs/settings.md's Markdown table. */
export function settingsTable(): string {
  const rows = new Map<string, { usedBy: string[]; description: string; default?: string }>();
  for (const [process, schema] of PROCESSES)
    for (const setting of describeSettings(schema)) {
      const row = rows.get(setting.name) ?? { usedBy: [], description: setting.description, default: setting.default };
      row.usedBy.push(process);
      rows.set(setting.name, row);
    }
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  const lines = [...rows].map(
    ([name, row]) =>
      `| \`${name}\` | ${row.usedBy.join(", ")} | ${row.default === undefined ? "" : `\`${cell(row.default)}\``} | ${cell(row.description)} |`,
  );
  return ["| Variable | Read by | Default | What it does |", "| --- | --- | --- | --- |", ...lines].join("\n");
}
