import { typedDocuments } from "../../graphql-codegen.base";

// The dashboard's GraphQL documents typed from the API's committed schema into gql/ (checked in): the
// typecheck fails when a document no longer matches the schema.
export default typedDocuments({
  schema: "../api/schema.graphql",
  documents: ["app/**/*.tsx", "components/**/*.tsx", "lib/**/*.ts"],
  output: "gql/",
});
