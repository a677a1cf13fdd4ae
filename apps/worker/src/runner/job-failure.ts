/** A job that cannot succeed however often it is tried: it fails at once, with this message for users. */
export class JobFailure extends Error {}
