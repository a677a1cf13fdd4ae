// Writes apps/api/schema.graphql; a test fails when the committed file differs from the code.
import { writeFileSync } from "node:fs";
import { printedSchema } from "./schema/index.js";

const target = new URL("../schema.graphql", import.meta.url);
writeFileSync(target, printedSchema());
console.log(`wrote ${target.pathname}`);
