export { type Prediction, RetrainClient, type Run, type UploadResult } from "./client.js";
export { RetrainApiError } from "./errors.js";
export { folderImages, type ImageInput, type Split } from "./files.js";
export type { HyperparametersInput, TokenScope } from "./gql/graphql.js";
export * as operations from "./operations.js";
