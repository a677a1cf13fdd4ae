import { parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import * as generated from "../../web/gql/graphql.js";
import { parseOptions, validationRules } from "../src/graphql-limits.js";
import { schema } from "../src/schema/index.js";

// Every document the dashboard sends (generated into apps/web/gql from its graphql() calls) is valid against
// this schema and within the limits the API enforces on strangers and members alike: a page that grows a
// query past the cost or depth limit fails here, not in a user's browser.
const documents = Object.entries(generated).filter(([name]) => name.endsWith("Document"));

describe("the dashboard's GraphQL documents", () => {
  it("are many (the generated module was read)", () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents)("%s is valid and within the request limits", (_name, document) => {
    const errors = validate(schema, parse(String(document), parseOptions), [...specifiedRules, ...validationRules]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
