import { InvalidOptionError, resolveHyperparameters } from "@retrain/engine";
import { ValidationError } from "../../domain/errors.js";

/** Hyperparameters checked by the engine's rules; a bad one is a BAD_USER_INPUT naming it. */
export function checkedHyperparameters(input: Record<string, unknown> | null | undefined) {
  try {
    return resolveHyperparameters(input ?? {});
  } catch (error) {
    if (error instanceof InvalidOptionError)
      throw new ValidationError(`hyperparameters.${error.option}`, error.message);
    throw error;
  }
}
