import { typedDocuments } from "../../graphql-codegen.base";

// The client's operations (src/operations.ts) typed from the API's committed schema into src/gql/ (checked in).
export default typedDocuments({
  schema: "../../apps/api/schema.graphql",
  documents: ["src/operations.ts"],
  output: "src/gql/",
  nodeImports: true,
});
