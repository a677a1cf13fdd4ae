/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ClientSignUp($email: String!, $name: String!, $password: String!) {\n  signUp(email: $email, name: $name, password: $password) { sessionToken user { id } } }": typeof types.ClientSignUpDocument,
    "mutation ClientCreateApiToken($name: String!, $scope: TokenScope!) {\n  createApiToken(name: $name, scope: $scope) { secret } }": typeof types.ClientCreateApiTokenDocument,
    "mutation ClientCreateWorkspace($name: String!) {\n  createWorkspace(name: $name) { id } }": typeof types.ClientCreateWorkspaceDocument,
    "mutation ClientCreateDataset($workspaceId: ID!, $name: String!) {\n  createDataset(workspaceId: $workspaceId, name: $name) { id } }": typeof types.ClientCreateDatasetDocument,
    "query ClientBaseModels { baseModels { id key name } }": typeof types.ClientBaseModelsDocument,
    "mutation ClientCreateExperiment($datasetId: ID!, $baseModelId: ID!,\n  $name: String!, $hyperparameters: HyperparametersInput) {\n  createExperiment(datasetId: $datasetId, baseModelId: $baseModelId, name: $name, hyperparameters: $hyperparameters) {\n    id } }": typeof types.ClientCreateExperimentDocument,
    "mutation ClientStartRun($experimentId: ID!, $hyperparameters: HyperparametersInput) {\n  startRun(experimentId: $experimentId, hyperparameters: $hyperparameters) { id } }": typeof types.ClientStartRunDocument,
    "query ClientRunState($id: ID!) { run(id: $id) {\n  id status error hyperparameters { epochs }\n  epochs { epoch trainAccuracy validationAccuracy }\n  extraction { progress { done total } }\n  metrics { trainAccuracy validationAccuracy testAccuracy bestEpoch epochs stoppedEarly trainingSeconds }\n  checkpoints { id step exportUrl onnxExportUrl } } }": typeof types.ClientRunStateDocument,
    "mutation ClientPromote($checkpointId: ID!, $alias: String) {\n  promoteCheckpoint(checkpointId: $checkpointId, alias: $alias) { id } }": typeof types.ClientPromoteDocument,
    "query ClientJobState($id: ID!) { job(id: $id) {\n  id status error progress { done total } } }": typeof types.ClientJobStateDocument,
    "mutation ClientStartDirectUploads($datasetId: ID!,\n  $files: [DirectUploadFileInput!]!) { startDirectUploads(datasetId: $datasetId, files: $files) { name key url } }": typeof types.ClientStartDirectUploadsDocument,
    "mutation ClientFinishDirectUploads($datasetId: ID!,\n  $uploads: [FinishedUploadInput!]!) { finishDirectUploads(datasetId: $datasetId, uploads: $uploads) {\n    name status imageId reason } }": typeof types.ClientFinishDirectUploadsDocument,
};
const documents: Documents = {
    "mutation ClientSignUp($email: String!, $name: String!, $password: String!) {\n  signUp(email: $email, name: $name, password: $password) { sessionToken user { id } } }": types.ClientSignUpDocument,
    "mutation ClientCreateApiToken($name: String!, $scope: TokenScope!) {\n  createApiToken(name: $name, scope: $scope) { secret } }": types.ClientCreateApiTokenDocument,
    "mutation ClientCreateWorkspace($name: String!) {\n  createWorkspace(name: $name) { id } }": types.ClientCreateWorkspaceDocument,
    "mutation ClientCreateDataset($workspaceId: ID!, $name: String!) {\n  createDataset(workspaceId: $workspaceId, name: $name) { id } }": types.ClientCreateDatasetDocument,
    "query ClientBaseModels { baseModels { id key name } }": types.ClientBaseModelsDocument,
    "mutation ClientCreateExperiment($datasetId: ID!, $baseModelId: ID!,\n  $name: String!, $hyperparameters: HyperparametersInput) {\n  createExperiment(datasetId: $datasetId, baseModelId: $baseModelId, name: $name, hyperparameters: $hyperparameters) {\n    id } }": types.ClientCreateExperimentDocument,
    "mutation ClientStartRun($experimentId: ID!, $hyperparameters: HyperparametersInput) {\n  startRun(experimentId: $experimentId, hyperparameters: $hyperparameters) { id } }": types.ClientStartRunDocument,
    "query ClientRunState($id: ID!) { run(id: $id) {\n  id status error hyperparameters { epochs }\n  epochs { epoch trainAccuracy validationAccuracy }\n  extraction { progress { done total } }\n  metrics { trainAccuracy validationAccuracy testAccuracy bestEpoch epochs stoppedEarly trainingSeconds }\n  checkpoints { id step exportUrl onnxExportUrl } } }": types.ClientRunStateDocument,
    "mutation ClientPromote($checkpointId: ID!, $alias: String) {\n  promoteCheckpoint(checkpointId: $checkpointId, alias: $alias) { id } }": types.ClientPromoteDocument,
    "query ClientJobState($id: ID!) { job(id: $id) {\n  id status error progress { done total } } }": types.ClientJobStateDocument,
    "mutation ClientStartDirectUploads($datasetId: ID!,\n  $files: [DirectUploadFileInput!]!) { startDirectUploads(datasetId: $datasetId, files: $files) { name key url } }": types.ClientStartDirectUploadsDocument,
    "mutation ClientFinishDirectUploads($datasetId: ID!,\n  $uploads: [FinishedUploadInput!]!) { finishDirectUploads(datasetId: $datasetId, uploads: $uploads) {\n    name status imageId reason } }": types.ClientFinishDirectUploadsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientSignUp($email: String!, $name: String!, $password: String!) {\n  signUp(email: $email, name: $name, password: $password) { sessionToken user { id } } }"): typeof import('./graphql.js').ClientSignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientCreateApiToken($name: String!, $scope: TokenScope!) {\n  createApiToken(name: $name, scope: $scope) { secret } }"): typeof import('./graphql.js').ClientCreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientCreateWorkspace($name: String!) {\n  createWorkspace(name: $name) { id } }"): typeof import('./graphql.js').ClientCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientCreateDataset($workspaceId: ID!, $name: String!) {\n  createDataset(workspaceId: $workspaceId, name: $name) { id } }"): typeof import('./graphql.js').ClientCreateDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientBaseModels { baseModels { id key name } }"): typeof import('./graphql.js').ClientBaseModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientCreateExperiment($datasetId: ID!, $baseModelId: ID!,\n  $name: String!, $hyperparameters: HyperparametersInput) {\n  createExperiment(datasetId: $datasetId, baseModelId: $baseModelId, name: $name, hyperparameters: $hyperparameters) {\n    id } }"): typeof import('./graphql.js').ClientCreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientStartRun($experimentId: ID!, $hyperparameters: HyperparametersInput) {\n  startRun(experimentId: $experimentId, hyperparameters: $hyperparameters) { id } }"): typeof import('./graphql.js').ClientStartRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientRunState($id: ID!) { run(id: $id) {\n  id status error hyperparameters { epochs }\n  epochs { epoch trainAccuracy validationAccuracy }\n  extraction { progress { done total } }\n  metrics { trainAccuracy validationAccuracy testAccuracy bestEpoch epochs stoppedEarly trainingSeconds }\n  checkpoints { id step exportUrl onnxExportUrl } } }"): typeof import('./graphql.js').ClientRunStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientPromote($checkpointId: ID!, $alias: String) {\n  promoteCheckpoint(checkpointId: $checkpointId, alias: $alias) { id } }"): typeof import('./graphql.js').ClientPromoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ClientJobState($id: ID!) { job(id: $id) {\n  id status error progress { done total } } }"): typeof import('./graphql.js').ClientJobStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientStartDirectUploads($datasetId: ID!,\n  $files: [DirectUploadFileInput!]!) { startDirectUploads(datasetId: $datasetId, files: $files) { name key url } }"): typeof import('./graphql.js').ClientStartDirectUploadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClientFinishDirectUploads($datasetId: ID!,\n  $uploads: [FinishedUploadInput!]!) { finishDirectUploads(datasetId: $datasetId, uploads: $uploads) {\n    name status imageId reason } }"): typeof import('./graphql.js').ClientFinishDirectUploadsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
