/** Why an archive was refused as a whole (nothing of it imported). */
export class ArchiveError extends Error {}
