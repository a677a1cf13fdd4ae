import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The dashboard's GraphQL documents typed from the API's committed schema: `pnpm --filter @retrain/web codegen`
 * writes gql/ (checked in); CI regenerates it and fails on a difference, and the typecheck fails when a
 * document no longer matches the schema.
 */
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.ts"],
  ignoreNoDocuments: true,
  generates: {
    "gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        // Plain strings on the wire: the browser needs no GraphQL parser.
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
