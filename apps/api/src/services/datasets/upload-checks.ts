import { IMAGE_LIMITS } from "@retrain/ingest";
import { ValidationError } from "../../domain/errors.js";
import { requireName } from "../../domain/validate.js";

/** Files a request may hold, whichever way their bytes come (in the request, or straight to the store). */
export const UPLOAD_LIMITS = { filesPerRequest: 100, bytesPerFile: IMAGE_LIMITS.bytesPerFile };

/** Refuses a request with too many files, or a file whose name or label is too long, naming the field. */
export function checkUploadFiles(field: string, files: readonly { name: string; label?: string | null }[]) {
  if (files.length > UPLOAD_LIMITS.filesPerRequest)
    throw new ValidationError(field, `at most ${UPLOAD_LIMITS.filesPerRequest} files per request`);
  for (const [i, file] of files.entries()) {
    if (file.name.length > IMAGE_LIMITS.nameLength)
      throw new ValidationError(`${field}.${i}.name`, `a file name is at most ${IMAGE_LIMITS.nameLength} characters`);
    if (file.label) requireName(`${field}.${i}.label`, file.label, IMAGE_LIMITS.labelLength);
  }
}
