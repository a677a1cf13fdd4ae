/** Errors the engine raises on purpose; each says what went wrong in words a user can act on. */
export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An image file that cannot be used: corrupt, truncated, empty, not an image, or too large. */
export class ImageDecodeError extends EngineError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * A base model whose weights are not in the cache and cannot be downloaded. `url` and `reason` say what and
 * why without the local folder, for callers that must not show their file system (the API).
 */
export class ModelUnavailableError extends EngineError {
  constructor(
    message: string,
    readonly url?: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** Files that are not a usable TensorFlow.js model: not JSON, no topology, too large, a shard elsewhere. */
export class InvalidModelError extends EngineError {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A checkpoint used with a base model other than the one it was trained on. */
export class BaseModelMismatchError extends EngineError {}

/** An option out of range or inconsistent with the data. */
export class InvalidOptionError extends EngineError {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
  }
}
