import { graphql } from "./gql/index.js";

// Every GraphQL operation the client sends, typed by `pnpm codegen` from apps/api/schema.graphql.

export const SignUp = graphql(`mutation ClientSignUp($email: String!, $name: String!, $password: String!) {
  signUp(email: $email, name: $name, password: $password) { sessionToken user { id } } }`);

export const CreateApiToken = graphql(`mutation ClientCreateApiToken($name: String!, $scope: TokenScope!) {
  createApiToken(name: $name, scope: $scope) { secret } }`);

export const CreateWorkspace = graphql(`mutation ClientCreateWorkspace($name: String!) {
  createWorkspace(name: $name) { id } }`);

export const CreateDataset = graphql(`mutation ClientCreateDataset($workspaceId: ID!, $name: String!) {
  createDataset(workspaceId: $workspaceId, name: $name) { id } }`);

export const BaseModels = graphql(`query ClientBaseModels { baseModels { id key name } }`);

export const CreateExperiment = graphql(`mutation ClientCreateExperiment($datasetId: ID!, $baseModelId: ID!,
  $name: String!, $hyperparameters: HyperparametersInput) {
  createExperiment(datasetId: $datasetId, baseModelId: $baseModelId, name: $name, hyperparameters: $hyperparameters) {
    id } }`);

export const StartRun = graphql(`mutation ClientStartRun($experimentId: ID!, $hyperparameters: HyperparametersInput) {
  startRun(experimentId: $experimentId, hyperparameters: $hyperparameters) { id } }`);

export const RunState = graphql(`query ClientRunState($id: ID!) { run(id: $id) {
  id status error hyperparameters { epochs }
  epochs { epoch trainAccuracy validationAccuracy }
  extraction { progress { done total } }
  metrics { trainAccuracy validationAccuracy testAccuracy bestEpoch epochs stoppedEarly trainingSeconds }
  checkpoints { id step exportUrl onnxExportUrl } } }`);

export const Promote = graphql(`mutation ClientPromote($checkpointId: ID!, $alias: String) {
  promoteCheckpoint(checkpointId: $checkpointId, alias: $alias) { id } }`);

export const JobState = graphql(`query ClientJobState($id: ID!) { job(id: $id) {
  id status error progress { done total } } }`);

export const StartDirectUploads = graphql(`mutation ClientStartDirectUploads($datasetId: ID!,
  $files: [DirectUploadFileInput!]!) { startDirectUploads(datasetId: $datasetId, files: $files) { name key url } }`);

export const FinishDirectUploads = graphql(`mutation ClientFinishDirectUploads($datasetId: ID!,
  $uploads: [FinishedUploadInput!]!) { finishDirectUploads(datasetId: $datasetId, uploads: $uploads) {
    name status imageId reason } }`);
