import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The client's operations typed from the API's committed schema, as the dashboard's are: `pnpm codegen` writes
 * src/gql/ (checked in; CI fails when it is stale, the typecheck when an operation no longer fits the schema).
 */
const config: CodegenConfig = {
  schema: "../../apps/api/schema.graphql",
  documents: ["src/operations.ts"],
  ignoreNoDocuments: true,
  // Imports with `.js`, as Node's ES modules need them.
  emitLegacyCommonJSImports: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: "string", ID: "string" },
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false, variableValue: false },
      },
    },
  },
};

export default config;
