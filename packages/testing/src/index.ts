export { freePort } from "./free-port.js";
export { sharedDir } from "./shared-dir.js";
export { type TestDatabase, useEmptyDatabase, useTestDatabase } from "./test-database.js";
export { zipOf, zipOfFolders } from "./zips.js";
