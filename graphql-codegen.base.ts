import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * How the dashboard (apps/web) and the TypeScript client (packages/client) type their GraphQL documents from
 * the API's committed schema, the same way: plain-string documents (no GraphQL parser at run time), enums as
 * string unions, `DateTime` and `ID` as strings. `pnpm codegen` runs both; CI fails when an output is stale.
 */
export function typedDocuments(options: {
  schema: string;
  documents: string[];
  output: string;
  /** Node's ES modules need `.js` in imports; the dashboard's bundler does not. */
  nodeImports?: boolean;
}): CodegenConfig {
  return {
    schema: options.schema,
    documents: options.documents,
    ignoreNoDocuments: true,
    ...(options.nodeImports ? { emitLegacyCommonJSImports: false } : {}),
    generates: {
      [options.output]: {
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
}
