import { rm } from "node:fs/promises";
import path from "node:path";

/** Removes the built downloads (zip, ONNX) of checkpoints that no longer exist. */
export const removeExports = (exportDir: string, checkpointIds: readonly string[]) =>
  Promise.all(
    checkpointIds.flatMap((id) =>
      [`${id}.zip`, `${id}.onnx`].map((file) => rm(path.join(exportDir, file), { force: true })),
    ),
  );
