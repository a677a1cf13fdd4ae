export { freePort } from "./free-port.js";
export { type TestDatabase, useEmptyDatabase, useTestDatabase } from "./test-database.js";
