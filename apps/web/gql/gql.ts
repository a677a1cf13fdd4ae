/* eslint-disable */
import * as types from './graphql';



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
    "query AccountMe { me { name email } }": typeof types.AccountMeDocument,
    "mutation ChangePassword($c: String!, $n: String!) {\n  changePassword(currentPassword: $c, newPassword: $n) }": typeof types.ChangePasswordDocument,
    "mutation SignOutEverywhere($t: Boolean) { signOutEverywhere(apiTokens: $t) }": typeof types.SignOutEverywhereDocument,
    "mutation UpdateProfile($n: String!) { updateProfile(name: $n) { name } }": typeof types.UpdateProfileDocument,
    "mutation DeleteAccount($p: String!) { deleteAccount(password: $p) }": typeof types.DeleteAccountDocument,
    "query Health { health { ok database version backend } }": typeof types.HealthDocument,
    "query Invitation($t: String!) {\n  me { email } invitation(token: $t) { workspaceName role email expiresAt } }": typeof types.InvitationDocument,
    "mutation AcceptInvitation($t: String!) { acceptInvitation(token: $t) { id } }": typeof types.AcceptInvitationDocument,
    "mutation ResetPassword($t: String!, $p: String!) {\n  resetPassword(token: $t, newPassword: $p) }": typeof types.ResetPasswordDocument,
    "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }": typeof types.RequestPasswordResetDocument,
    "query Activity($w: ID!, $after: String) { workspace(id: $w) {\n  activity(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id verb subjectType createdAt detail actor { name } } } } }": typeof types.ActivityDocument,
    "query Dataset($id: ID!) {\n  dataset(id: $id) { id name labels { id name imageCount } splitCounts { train validation test unlabelled } } }": typeof types.DatasetDocument,
    "subscription DatasetUpdates($id: ID!) { datasetUpdates(id: $id) { id } }": typeof types.DatasetUpdatesDocument,
    "query Datasets($w: ID!) { workspace(id: $w) { datasets { id name description\n  labels { name imageCount } splitCounts { train validation test unlabelled } } } }": typeof types.DatasetsDocument,
    "mutation CreateDataset($w: ID!, $name: String!) {\n  createDataset(workspaceId: $w, name: $name) { id } }": typeof types.CreateDatasetDocument,
    "query Experiment($id: ID!) { experiment(id: $id) { id name dataset { id name }\n  baseModel { name } aliases { name checkpoint { id runId } } summary { runCount }\n  datasetHealth { stale summary { leakingGroups } duplicates(limit: 50) { crossesSplits images { id } } } } }": typeof types.ExperimentDocument,
    "query ExperimentRuns($id: ID!, $before: String) { experiment(id: $id) {\n  runs(last: 50, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { id status queuedAt\n    hyperparameters { epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing }\n    metrics { validationAccuracy testAccuracy } epochs { ...EpochPoint } } } } }": typeof types.ExperimentRunsDocument,
    "mutation StartRun($e: ID!) { startRun(experimentId: $e) { id } }": typeof types.StartRunDocument,
    "query ExperimentChoices($w: ID!) { workspace(id: $w) { datasets { id name } }\n  baseModels { id key name cached featureDim custom role benchmark { imagesPerSecond flowersValidationAccuracy } } }": typeof types.ExperimentChoicesDocument,
    "query Experiments($w: ID!, $after: String) { workspace(id: $w) {\n  experiments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id name dataset { name } baseModel { name } summary { runCount bestTestAccuracy } } } } }": typeof types.ExperimentsDocument,
    "mutation CreateExperiment($d: ID!, $m: ID!, $n: String!, $h: HyperparametersInput) {\n  createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: $h) { id } }": typeof types.CreateExperimentDocument,
    "query Shell { me { name email } workspaces { id name myRole myPermissions { write train manageMembers manageWebhooks destroy manageWorkspace } } }": typeof types.ShellDocument,
    "mutation SignOut { signOut }": typeof types.SignOutDocument,
    "query PredictTargets($w: ID!) { workspace(id: $w) { keepServedImages experiments(first: 50) {\n  nodes { id name aliases { name } runs(last: 5) { nodes { id checkpoints { id step } } } } } } }": typeof types.PredictTargetsDocument,
    "mutation Predict($c: ID, $e: ID, $alias: String, $img: PredictImageInput!, $keep: Boolean) {\n  predict(checkpointId: $c, experimentId: $e, alias: $alias, images: [$img], topK: 5, keep: $keep) {\n    checkpointId latencyMs kept results { name error unknown unknownReason calibrated top { label probability }\n      evidence { label distance image { id thumbnailUrl originalName } } } } }": typeof types.PredictDocument,
    "query ReviewQueue($w: ID!, $after: String) { workspace(id: $w) {\n  reviewQueue(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt alias unknown label confidence margin thumbnailDataUrl checkpoint { labels } } } } }": typeof types.ReviewQueueDocument,
    "mutation LabelServed($p: ID!, $l: String!, $s: Split) {\n  labelServedPrediction(predictionId: $p, label: $l, split: $s) { imageId status } }": typeof types.LabelServedDocument,
    "mutation DismissServed($p: ID!) { dismissServedPrediction(predictionId: $p) }": typeof types.DismissServedDocument,
    "query Run($id: ID!) { run(id: $id) { ...RunDetails } }": typeof types.RunDocument,
    "fragment RunDetails on TrainingRun { id experimentId status error resumedFromId\n  hyperparameters { epochs }\n  extraction { status backend progress { done total imagesPerSecond etaSeconds } }\n  epochs { ...EpochPoint } metrics { evaluatedOn stoppedEarly }\n  evaluation { ...EvaluationDetails } checkpoints { ...CheckpointRow } }": typeof types.RunDetailsFragmentDoc,
    "subscription RunProgress($id: ID!) { runProgress(id: $id) { ...RunDetails } }": typeof types.RunProgressDocument,
    "query RunDataset($e: ID!) { experiment(id: $e) { datasetId } }": typeof types.RunDatasetDocument,
    "mutation CancelRun($id: ID!) { cancelRun(id: $id) { id } }": typeof types.CancelRunDocument,
    "query Team($w: ID!) { workspace(id: $w) {\n  members { role user { id name email } } invitations { id email role expiresAt } } }": typeof types.TeamDocument,
    "mutation InviteMember($w: ID!, $e: String!, $r: Role!) {\n  inviteMember(workspaceId: $w, email: $e, role: $r) { path } }": typeof types.InviteMemberDocument,
    "mutation SetMemberRole($w: ID!, $u: ID!, $r: Role!) {\n  setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }": typeof types.SetMemberRoleDocument,
    "mutation RemoveMember($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }": typeof types.RemoveMemberDocument,
    "mutation RevokeInvitation($w: ID!, $id: ID!) { revokeInvitation(workspaceId: $w, id: $id) }": typeof types.RevokeInvitationDocument,
    "mutation CreatePasswordResetLink($w: ID!, $u: ID!) {\n  createPasswordResetLink(workspaceId: $w, memberId: $u) { path } }": typeof types.CreatePasswordResetLinkDocument,
    "query ApiTokens { apiTokens { id name prefix scope expiresAt createdAt lastUsedAt revokedAt } }": typeof types.ApiTokensDocument,
    "mutation CreateApiToken($n: String!, $s: TokenScope!, $x: DateTime) {\n  createApiToken(name: $n, scope: $s, expiresAt: $x) { secret } }": typeof types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": typeof types.RevokeApiTokenDocument,
    "query Webhooks($w: ID!) {\n  webhookEvents { name description }\n  workspace(id: $w) { id webhooks { id url events enabled createdAt\n    deliveries { id event status attempts responseStatus error createdAt lastAttemptAt nextAttemptAt } } } }": typeof types.WebhooksDocument,
    "mutation CreateWebhook($w: ID!, $url: String!, $events: [String!]!) {\n  createWebhook(workspaceId: $w, url: $url, events: $events) { secret } }": typeof types.CreateWebhookDocument,
    "mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n  updateWebhook(id: $id, enabled: $enabled) { id enabled } }": typeof types.SetWebhookEnabledDocument,
    "mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }": typeof types.DeleteWebhookDocument,
    "mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { id } }": typeof types.SendTestWebhookDocument,
    "query Workspaces { me { name } workspaces { id name myRole } }": typeof types.WorkspacesDocument,
    "mutation CreateWorkspace($name: String!) { createWorkspace(name: $name) { id } }": typeof types.CreateWorkspaceDocument,
    "mutation SignUp($email: String!, $password: String!, $name: String!, $invitation: String) {\n  signUp(email: $email, password: $password, name: $name, invitationToken: $invitation) { user { id } } }": typeof types.SignUpDocument,
    "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) { user { id } } }": typeof types.SignInDocument,
    "query SignInOptions {\n  signInOptions { signUp { mode message } singleSignOn { name startPath } passwordResetByEmail } }": typeof types.SignInOptionsDocument,
    "mutation RelabelImages($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }": typeof types.RelabelImagesDocument,
    "mutation MoveImages($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }": typeof types.MoveImagesDocument,
    "mutation DeleteImages($ids: [ID!]!) { deleteImages(ids: $ids) }": typeof types.DeleteImagesDocument,
    "query RunCalibration($id: ID!) { run(id: $id) { checkpoints { id\n  calibration { temperature fittedOn evaluatedOn eceBefore eceAfter targetPrecision threshold\n    reliabilityBefore { confidence accuracy count } reliabilityAfter { confidence accuracy count }\n    curve { threshold coverage precision } } } } }": typeof types.RunCalibrationDocument,
    "mutation SetTargetPrecision($c: ID!, $p: Float!) {\n  setTargetPrecision(checkpointId: $c, targetPrecision: $p) { id } }": typeof types.SetTargetPrecisionDocument,
    "fragment CheckpointRow on Checkpoint {\n  id step labels exportUrl onnxExportUrl onnxExportUnavailable metrics { validationAccuracy testAccuracy } }": typeof types.CheckpointRowFragmentDoc,
    "mutation PromoteCheckpoint($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: \"production\") { id } }": typeof types.PromoteCheckpointDocument,
    "mutation ResumeCheckpoint($e: ID!, $c: ID!) {\n  startRun(experimentId: $e, resumeFromCheckpointId: $c, hyperparameters: { epochs: 10 }) { id } }": typeof types.ResumeCheckpointDocument,
    "query Comments($e: ID!, $after: String) { experiment(id: $e) {\n  comments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id body runId createdAt author { name } } } } }": typeof types.CommentsDocument,
    "mutation AddComment($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }": typeof types.AddCommentDocument,
    "fragment EpochPoint on EpochMetric {\n  epoch trainLoss trainAccuracy validationLoss validationAccuracy }": typeof types.EpochPointFragmentDoc,
    "mutation DeleteBaseModel($id: ID!) { deleteBaseModel(id: $id) }": typeof types.DeleteBaseModelDocument,
    "query DatasetHealthTab($id: ID!) {\n  baseModels { id name cached }\n  dataset(id: $id) { id labels { id name }\n    healthCheck { id status error progress { done total } }\n    health { stale computedAt images baseModel { id name }\n      summary { duplicateGroups leakingGroups mislabeled strays smallClasses reviewed }\n      balance { perClass { label train validation test total } smallClasses missing { split labels } }\n      map { imageIds x y labelIds flagged }\n      ...HealthFindings } } }": typeof types.DatasetHealthTabDocument,
    "mutation StartHealthCheck($d: ID!, $m: ID!) {\n  startHealthCheck(datasetId: $d, baseModelId: $m) { id status error progress { done total } } }": typeof types.StartHealthCheckDocument,
    "subscription HealthCheckProgress($id: ID!) {\n  jobProgress(id: $id) { id status error progress { done total } result { ... on HealthResult { stage } } } }": typeof types.HealthCheckProgressDocument,
    "query DatasetRuns($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModel { name } runs(last: 10) { nodes { id status } } } } }": typeof types.DatasetRunsDocument,
    "fragment EvaluationDetails on Evaluation {\n  count accuracy labels confusionMatrix { label counts }\n  perClass { label precision recall f1 support }\n  misclassified { image { id thumbnailUrl } trueLabel predictedLabel top { label probability } } }": typeof types.EvaluationDetailsFragmentDoc,
    "mutation UpdateExperiment($id: ID!, $n: String) { updateExperiment(id: $id, name: $n) { name } }": typeof types.UpdateExperimentDocument,
    "mutation DeleteExperiment($id: ID!) { deleteExperiment(id: $id) }": typeof types.DeleteExperimentDocument,
    "mutation RemoveAlias($e: ID!, $a: String!) { removeAlias(experimentId: $e, alias: $a) }": typeof types.RemoveAliasDocument,
    "mutation DeleteRun($id: ID!) { deleteRun(id: $id) }": typeof types.DeleteRunDocument,
    "fragment HealthFindings on DatasetHealth {\n  duplicates { key crossesSplits maxDistance images { id originalName split thumbnailUrl } }\n  mislabeled { key givenLabelId suggestedLabelId givenProbability suggestedProbability\n    image { id originalName split thumbnailUrl } }\n  strays { key score image { id originalName split thumbnailUrl labelId } } }": typeof types.HealthFindingsFragmentDoc,
    "mutation KeepOnly($ids: [ID!]!) { deleteImages(ids: $ids) }": typeof types.KeepOnlyDocument,
    "mutation MoveGroup($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }": typeof types.MoveGroupDocument,
    "mutation AcceptLabel($id: ID!, $l: ID) { updateImages(ids: [$id], labelId: $l) { id } }": typeof types.AcceptLabelDocument,
    "mutation MarkReviewed($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }": typeof types.MarkReviewedDocument,
    "query HyperparameterDefaults { hyperparameterDefaults {\n  epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing earlyStoppingPatience } }": typeof types.HyperparameterDefaultsDocument,
    "query KeepServedImages($w: ID!) { workspace(id: $w) { id keepServedImages } }": typeof types.KeepServedImagesDocument,
    "mutation SetKeepServedImages($w: ID!, $k: Boolean!) {\n  setKeepServedImages(workspaceId: $w, keep: $k) { id keepServedImages } }": typeof types.SetKeepServedImagesDocument,
    "mutation CreateLabel($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }": typeof types.CreateLabelDocument,
    "mutation RenameLabel($id: ID!, $n: String!) { renameLabel(id: $id, name: $n) { id } }": typeof types.RenameLabelDocument,
    "mutation MergeLabels($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { id } }": typeof types.MergeLabelsDocument,
    "mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) }": typeof types.DeleteLabelDocument,
    "query LabelNext($d: ID!, $c: ID, $m: ID) { dataset(id: $d) { id\n  labelNext(checkpointId: $c, baseModelId: $m, first: 40) { image { id originalName thumbnailUrl } doubt label confidence } } }": typeof types.LabelNextDocument,
    "mutation SetLabels($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }": typeof types.SetLabelsDocument,
    "mutation AcceptSuggested($d: ID!, $c: ID!, $p: Float!) {\n  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) { label count } }": typeof types.AcceptSuggestedDocument,
    "query LabellingSources($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModelId aliases { name checkpoint { id } } runs(last: 3) { nodes { checkpoints { id } } } } } }": typeof types.LabellingSourcesDocument,
    "query CompareRuns($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason\n  comparison { images pValue significant verdict onlyA onlyB\n    accuracyA { value low high } accuracyB { value low high } difference { value low high }\n    perClass { label f1A { value low high } f1B { value low high } } } } }": typeof types.CompareRunsDocument,
    "query MyRecentRuns($ws: ID!) { workspace(id: $ws) { id myRecentRuns {\n  id status error metrics { validationAccuracy stoppedEarly } } } }": typeof types.MyRecentRunsDocument,
    "query ServedPredictions($w: ID!, $after: String) { workspace(id: $w) {\n  predictions(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt latencyMs top { label probability } checkpoint { id step } } } } }": typeof types.ServedPredictionsDocument,
    "query ExperimentServing($e: ID!, $alias: String!) { experiment(id: $e) {\n  serving(alias: $alias, days: 30) { psi threshold drift recentPredictions\n    days { date count unknown meanConfidence } shares { label training served } } } }": typeof types.ExperimentServingDocument,
    "query ImportJob($id: ID!) { job(id: $id) { ...ImportJobState } }": typeof types.ImportJobDocument,
    "subscription ImportJobProgress($id: ID!) { jobProgress(id: $id) { ...ImportJobState } }": typeof types.ImportJobProgressDocument,
    "fragment ImportJobState on Job { status error progress { done total }\n  result { __typename ... on ImportResult { accepted rejected duplicates } } }": typeof types.ImportJobStateFragmentDoc,
    "query Workers { health { workers { hostname } } }": typeof types.WorkersDocument,
    "mutation RenameWorkspace($id: ID!, $n: String!) { renameWorkspace(id: $id, name: $n) { name } }": typeof types.RenameWorkspaceDocument,
    "mutation DeleteWorkspace($id: ID!, $n: String!) { deleteWorkspace(id: $id, confirmName: $n) }": typeof types.DeleteWorkspaceDocument,
    "mutation LeaveWorkspace($id: ID!) { leaveWorkspace(id: $id) }": typeof types.LeaveWorkspaceDocument,
    "query UploadOptions { uploadOptions { fromBrowsers } }": typeof types.UploadOptionsDocument,
    "mutation StartBrowserUploads($datasetId: ID!, $files: [DirectUploadFileInput!]!) {\n  startDirectUploads(datasetId: $datasetId, files: $files) { key url }\n}": typeof types.StartBrowserUploadsDocument,
    "mutation FinishBrowserUploads($datasetId: ID!, $uploads: [FinishedUploadInput!]!) {\n  finishDirectUploads(datasetId: $datasetId, uploads: $uploads) { name status reason }\n}": typeof types.FinishBrowserUploadsDocument,
    "query ImageWindow($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean,\n  $failed: Boolean, $q: String, $sort: ImageSort, $desc: Boolean, $c: ID, $offset: Int, $n: Int) {\n  images(datasetId: $d, labelId: $label, split: $split, unlabelled: $unlabelled, failed: $failed, search: $q,\n    sort: $sort, descending: $desc, checkpointId: $c, offset: $offset, first: $n) {\n    totalCount nodes { id originalName labelId split thumbnailUrl suggestion { label confidence } } } }": typeof types.ImageWindowDocument,
};
const documents: Documents = {
    "query AccountMe { me { name email } }": types.AccountMeDocument,
    "mutation ChangePassword($c: String!, $n: String!) {\n  changePassword(currentPassword: $c, newPassword: $n) }": types.ChangePasswordDocument,
    "mutation SignOutEverywhere($t: Boolean) { signOutEverywhere(apiTokens: $t) }": types.SignOutEverywhereDocument,
    "mutation UpdateProfile($n: String!) { updateProfile(name: $n) { name } }": types.UpdateProfileDocument,
    "mutation DeleteAccount($p: String!) { deleteAccount(password: $p) }": types.DeleteAccountDocument,
    "query Health { health { ok database version backend } }": types.HealthDocument,
    "query Invitation($t: String!) {\n  me { email } invitation(token: $t) { workspaceName role email expiresAt } }": types.InvitationDocument,
    "mutation AcceptInvitation($t: String!) { acceptInvitation(token: $t) { id } }": types.AcceptInvitationDocument,
    "mutation ResetPassword($t: String!, $p: String!) {\n  resetPassword(token: $t, newPassword: $p) }": types.ResetPasswordDocument,
    "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }": types.RequestPasswordResetDocument,
    "query Activity($w: ID!, $after: String) { workspace(id: $w) {\n  activity(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id verb subjectType createdAt detail actor { name } } } } }": types.ActivityDocument,
    "query Dataset($id: ID!) {\n  dataset(id: $id) { id name labels { id name imageCount } splitCounts { train validation test unlabelled } } }": types.DatasetDocument,
    "subscription DatasetUpdates($id: ID!) { datasetUpdates(id: $id) { id } }": types.DatasetUpdatesDocument,
    "query Datasets($w: ID!) { workspace(id: $w) { datasets { id name description\n  labels { name imageCount } splitCounts { train validation test unlabelled } } } }": types.DatasetsDocument,
    "mutation CreateDataset($w: ID!, $name: String!) {\n  createDataset(workspaceId: $w, name: $name) { id } }": types.CreateDatasetDocument,
    "query Experiment($id: ID!) { experiment(id: $id) { id name dataset { id name }\n  baseModel { name } aliases { name checkpoint { id runId } } summary { runCount }\n  datasetHealth { stale summary { leakingGroups } duplicates(limit: 50) { crossesSplits images { id } } } } }": types.ExperimentDocument,
    "query ExperimentRuns($id: ID!, $before: String) { experiment(id: $id) {\n  runs(last: 50, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { id status queuedAt\n    hyperparameters { epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing }\n    metrics { validationAccuracy testAccuracy } epochs { ...EpochPoint } } } } }": types.ExperimentRunsDocument,
    "mutation StartRun($e: ID!) { startRun(experimentId: $e) { id } }": types.StartRunDocument,
    "query ExperimentChoices($w: ID!) { workspace(id: $w) { datasets { id name } }\n  baseModels { id key name cached featureDim custom role benchmark { imagesPerSecond flowersValidationAccuracy } } }": types.ExperimentChoicesDocument,
    "query Experiments($w: ID!, $after: String) { workspace(id: $w) {\n  experiments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id name dataset { name } baseModel { name } summary { runCount bestTestAccuracy } } } } }": types.ExperimentsDocument,
    "mutation CreateExperiment($d: ID!, $m: ID!, $n: String!, $h: HyperparametersInput) {\n  createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: $h) { id } }": types.CreateExperimentDocument,
    "query Shell { me { name email } workspaces { id name myRole myPermissions { write train manageMembers manageWebhooks destroy manageWorkspace } } }": types.ShellDocument,
    "mutation SignOut { signOut }": types.SignOutDocument,
    "query PredictTargets($w: ID!) { workspace(id: $w) { keepServedImages experiments(first: 50) {\n  nodes { id name aliases { name } runs(last: 5) { nodes { id checkpoints { id step } } } } } } }": types.PredictTargetsDocument,
    "mutation Predict($c: ID, $e: ID, $alias: String, $img: PredictImageInput!, $keep: Boolean) {\n  predict(checkpointId: $c, experimentId: $e, alias: $alias, images: [$img], topK: 5, keep: $keep) {\n    checkpointId latencyMs kept results { name error unknown unknownReason calibrated top { label probability }\n      evidence { label distance image { id thumbnailUrl originalName } } } } }": types.PredictDocument,
    "query ReviewQueue($w: ID!, $after: String) { workspace(id: $w) {\n  reviewQueue(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt alias unknown label confidence margin thumbnailDataUrl checkpoint { labels } } } } }": types.ReviewQueueDocument,
    "mutation LabelServed($p: ID!, $l: String!, $s: Split) {\n  labelServedPrediction(predictionId: $p, label: $l, split: $s) { imageId status } }": types.LabelServedDocument,
    "mutation DismissServed($p: ID!) { dismissServedPrediction(predictionId: $p) }": types.DismissServedDocument,
    "query Run($id: ID!) { run(id: $id) { ...RunDetails } }": types.RunDocument,
    "fragment RunDetails on TrainingRun { id experimentId status error resumedFromId\n  hyperparameters { epochs }\n  extraction { status backend progress { done total imagesPerSecond etaSeconds } }\n  epochs { ...EpochPoint } metrics { evaluatedOn stoppedEarly }\n  evaluation { ...EvaluationDetails } checkpoints { ...CheckpointRow } }": types.RunDetailsFragmentDoc,
    "subscription RunProgress($id: ID!) { runProgress(id: $id) { ...RunDetails } }": types.RunProgressDocument,
    "query RunDataset($e: ID!) { experiment(id: $e) { datasetId } }": types.RunDatasetDocument,
    "mutation CancelRun($id: ID!) { cancelRun(id: $id) { id } }": types.CancelRunDocument,
    "query Team($w: ID!) { workspace(id: $w) {\n  members { role user { id name email } } invitations { id email role expiresAt } } }": types.TeamDocument,
    "mutation InviteMember($w: ID!, $e: String!, $r: Role!) {\n  inviteMember(workspaceId: $w, email: $e, role: $r) { path } }": types.InviteMemberDocument,
    "mutation SetMemberRole($w: ID!, $u: ID!, $r: Role!) {\n  setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }": types.SetMemberRoleDocument,
    "mutation RemoveMember($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }": types.RemoveMemberDocument,
    "mutation RevokeInvitation($w: ID!, $id: ID!) { revokeInvitation(workspaceId: $w, id: $id) }": types.RevokeInvitationDocument,
    "mutation CreatePasswordResetLink($w: ID!, $u: ID!) {\n  createPasswordResetLink(workspaceId: $w, memberId: $u) { path } }": types.CreatePasswordResetLinkDocument,
    "query ApiTokens { apiTokens { id name prefix scope expiresAt createdAt lastUsedAt revokedAt } }": types.ApiTokensDocument,
    "mutation CreateApiToken($n: String!, $s: TokenScope!, $x: DateTime) {\n  createApiToken(name: $n, scope: $s, expiresAt: $x) { secret } }": types.CreateApiTokenDocument,
    "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }": types.RevokeApiTokenDocument,
    "query Webhooks($w: ID!) {\n  webhookEvents { name description }\n  workspace(id: $w) { id webhooks { id url events enabled createdAt\n    deliveries { id event status attempts responseStatus error createdAt lastAttemptAt nextAttemptAt } } } }": types.WebhooksDocument,
    "mutation CreateWebhook($w: ID!, $url: String!, $events: [String!]!) {\n  createWebhook(workspaceId: $w, url: $url, events: $events) { secret } }": types.CreateWebhookDocument,
    "mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n  updateWebhook(id: $id, enabled: $enabled) { id enabled } }": types.SetWebhookEnabledDocument,
    "mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }": types.DeleteWebhookDocument,
    "mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { id } }": types.SendTestWebhookDocument,
    "query Workspaces { me { name } workspaces { id name myRole } }": types.WorkspacesDocument,
    "mutation CreateWorkspace($name: String!) { createWorkspace(name: $name) { id } }": types.CreateWorkspaceDocument,
    "mutation SignUp($email: String!, $password: String!, $name: String!, $invitation: String) {\n  signUp(email: $email, password: $password, name: $name, invitationToken: $invitation) { user { id } } }": types.SignUpDocument,
    "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) { user { id } } }": types.SignInDocument,
    "query SignInOptions {\n  signInOptions { signUp { mode message } singleSignOn { name startPath } passwordResetByEmail } }": types.SignInOptionsDocument,
    "mutation RelabelImages($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }": types.RelabelImagesDocument,
    "mutation MoveImages($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }": types.MoveImagesDocument,
    "mutation DeleteImages($ids: [ID!]!) { deleteImages(ids: $ids) }": types.DeleteImagesDocument,
    "query RunCalibration($id: ID!) { run(id: $id) { checkpoints { id\n  calibration { temperature fittedOn evaluatedOn eceBefore eceAfter targetPrecision threshold\n    reliabilityBefore { confidence accuracy count } reliabilityAfter { confidence accuracy count }\n    curve { threshold coverage precision } } } } }": types.RunCalibrationDocument,
    "mutation SetTargetPrecision($c: ID!, $p: Float!) {\n  setTargetPrecision(checkpointId: $c, targetPrecision: $p) { id } }": types.SetTargetPrecisionDocument,
    "fragment CheckpointRow on Checkpoint {\n  id step labels exportUrl onnxExportUrl onnxExportUnavailable metrics { validationAccuracy testAccuracy } }": types.CheckpointRowFragmentDoc,
    "mutation PromoteCheckpoint($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: \"production\") { id } }": types.PromoteCheckpointDocument,
    "mutation ResumeCheckpoint($e: ID!, $c: ID!) {\n  startRun(experimentId: $e, resumeFromCheckpointId: $c, hyperparameters: { epochs: 10 }) { id } }": types.ResumeCheckpointDocument,
    "query Comments($e: ID!, $after: String) { experiment(id: $e) {\n  comments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id body runId createdAt author { name } } } } }": types.CommentsDocument,
    "mutation AddComment($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }": types.AddCommentDocument,
    "fragment EpochPoint on EpochMetric {\n  epoch trainLoss trainAccuracy validationLoss validationAccuracy }": types.EpochPointFragmentDoc,
    "mutation DeleteBaseModel($id: ID!) { deleteBaseModel(id: $id) }": types.DeleteBaseModelDocument,
    "query DatasetHealthTab($id: ID!) {\n  baseModels { id name cached }\n  dataset(id: $id) { id labels { id name }\n    healthCheck { id status error progress { done total } }\n    health { stale computedAt images baseModel { id name }\n      summary { duplicateGroups leakingGroups mislabeled strays smallClasses reviewed }\n      balance { perClass { label train validation test total } smallClasses missing { split labels } }\n      map { imageIds x y labelIds flagged }\n      ...HealthFindings } } }": types.DatasetHealthTabDocument,
    "mutation StartHealthCheck($d: ID!, $m: ID!) {\n  startHealthCheck(datasetId: $d, baseModelId: $m) { id status error progress { done total } } }": types.StartHealthCheckDocument,
    "subscription HealthCheckProgress($id: ID!) {\n  jobProgress(id: $id) { id status error progress { done total } result { ... on HealthResult { stage } } } }": types.HealthCheckProgressDocument,
    "query DatasetRuns($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModel { name } runs(last: 10) { nodes { id status } } } } }": types.DatasetRunsDocument,
    "fragment EvaluationDetails on Evaluation {\n  count accuracy labels confusionMatrix { label counts }\n  perClass { label precision recall f1 support }\n  misclassified { image { id thumbnailUrl } trueLabel predictedLabel top { label probability } } }": types.EvaluationDetailsFragmentDoc,
    "mutation UpdateExperiment($id: ID!, $n: String) { updateExperiment(id: $id, name: $n) { name } }": types.UpdateExperimentDocument,
    "mutation DeleteExperiment($id: ID!) { deleteExperiment(id: $id) }": types.DeleteExperimentDocument,
    "mutation RemoveAlias($e: ID!, $a: String!) { removeAlias(experimentId: $e, alias: $a) }": types.RemoveAliasDocument,
    "mutation DeleteRun($id: ID!) { deleteRun(id: $id) }": types.DeleteRunDocument,
    "fragment HealthFindings on DatasetHealth {\n  duplicates { key crossesSplits maxDistance images { id originalName split thumbnailUrl } }\n  mislabeled { key givenLabelId suggestedLabelId givenProbability suggestedProbability\n    image { id originalName split thumbnailUrl } }\n  strays { key score image { id originalName split thumbnailUrl labelId } } }": types.HealthFindingsFragmentDoc,
    "mutation KeepOnly($ids: [ID!]!) { deleteImages(ids: $ids) }": types.KeepOnlyDocument,
    "mutation MoveGroup($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }": types.MoveGroupDocument,
    "mutation AcceptLabel($id: ID!, $l: ID) { updateImages(ids: [$id], labelId: $l) { id } }": types.AcceptLabelDocument,
    "mutation MarkReviewed($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }": types.MarkReviewedDocument,
    "query HyperparameterDefaults { hyperparameterDefaults {\n  epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing earlyStoppingPatience } }": types.HyperparameterDefaultsDocument,
    "query KeepServedImages($w: ID!) { workspace(id: $w) { id keepServedImages } }": types.KeepServedImagesDocument,
    "mutation SetKeepServedImages($w: ID!, $k: Boolean!) {\n  setKeepServedImages(workspaceId: $w, keep: $k) { id keepServedImages } }": types.SetKeepServedImagesDocument,
    "mutation CreateLabel($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }": types.CreateLabelDocument,
    "mutation RenameLabel($id: ID!, $n: String!) { renameLabel(id: $id, name: $n) { id } }": types.RenameLabelDocument,
    "mutation MergeLabels($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { id } }": types.MergeLabelsDocument,
    "mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) }": types.DeleteLabelDocument,
    "query LabelNext($d: ID!, $c: ID, $m: ID) { dataset(id: $d) { id\n  labelNext(checkpointId: $c, baseModelId: $m, first: 40) { image { id originalName thumbnailUrl } doubt label confidence } } }": types.LabelNextDocument,
    "mutation SetLabels($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }": types.SetLabelsDocument,
    "mutation AcceptSuggested($d: ID!, $c: ID!, $p: Float!) {\n  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) { label count } }": types.AcceptSuggestedDocument,
    "query LabellingSources($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModelId aliases { name checkpoint { id } } runs(last: 3) { nodes { checkpoints { id } } } } } }": types.LabellingSourcesDocument,
    "query CompareRuns($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason\n  comparison { images pValue significant verdict onlyA onlyB\n    accuracyA { value low high } accuracyB { value low high } difference { value low high }\n    perClass { label f1A { value low high } f1B { value low high } } } } }": types.CompareRunsDocument,
    "query MyRecentRuns($ws: ID!) { workspace(id: $ws) { id myRecentRuns {\n  id status error metrics { validationAccuracy stoppedEarly } } } }": types.MyRecentRunsDocument,
    "query ServedPredictions($w: ID!, $after: String) { workspace(id: $w) {\n  predictions(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt latencyMs top { label probability } checkpoint { id step } } } } }": types.ServedPredictionsDocument,
    "query ExperimentServing($e: ID!, $alias: String!) { experiment(id: $e) {\n  serving(alias: $alias, days: 30) { psi threshold drift recentPredictions\n    days { date count unknown meanConfidence } shares { label training served } } } }": types.ExperimentServingDocument,
    "query ImportJob($id: ID!) { job(id: $id) { ...ImportJobState } }": types.ImportJobDocument,
    "subscription ImportJobProgress($id: ID!) { jobProgress(id: $id) { ...ImportJobState } }": types.ImportJobProgressDocument,
    "fragment ImportJobState on Job { status error progress { done total }\n  result { __typename ... on ImportResult { accepted rejected duplicates } } }": types.ImportJobStateFragmentDoc,
    "query Workers { health { workers { hostname } } }": types.WorkersDocument,
    "mutation RenameWorkspace($id: ID!, $n: String!) { renameWorkspace(id: $id, name: $n) { name } }": types.RenameWorkspaceDocument,
    "mutation DeleteWorkspace($id: ID!, $n: String!) { deleteWorkspace(id: $id, confirmName: $n) }": types.DeleteWorkspaceDocument,
    "mutation LeaveWorkspace($id: ID!) { leaveWorkspace(id: $id) }": types.LeaveWorkspaceDocument,
    "query UploadOptions { uploadOptions { fromBrowsers } }": types.UploadOptionsDocument,
    "mutation StartBrowserUploads($datasetId: ID!, $files: [DirectUploadFileInput!]!) {\n  startDirectUploads(datasetId: $datasetId, files: $files) { key url }\n}": types.StartBrowserUploadsDocument,
    "mutation FinishBrowserUploads($datasetId: ID!, $uploads: [FinishedUploadInput!]!) {\n  finishDirectUploads(datasetId: $datasetId, uploads: $uploads) { name status reason }\n}": types.FinishBrowserUploadsDocument,
    "query ImageWindow($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean,\n  $failed: Boolean, $q: String, $sort: ImageSort, $desc: Boolean, $c: ID, $offset: Int, $n: Int) {\n  images(datasetId: $d, labelId: $label, split: $split, unlabelled: $unlabelled, failed: $failed, search: $q,\n    sort: $sort, descending: $desc, checkpointId: $c, offset: $offset, first: $n) {\n    totalCount nodes { id originalName labelId split thumbnailUrl suggestion { label confidence } } } }": types.ImageWindowDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountMe { me { name email } }"): typeof import('./graphql').AccountMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangePassword($c: String!, $n: String!) {\n  changePassword(currentPassword: $c, newPassword: $n) }"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOutEverywhere($t: Boolean) { signOutEverywhere(apiTokens: $t) }"): typeof import('./graphql').SignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateProfile($n: String!) { updateProfile(name: $n) { name } }"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteAccount($p: String!) { deleteAccount(password: $p) }"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Health { health { ok database version backend } }"): typeof import('./graphql').HealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Invitation($t: String!) {\n  me { email } invitation(token: $t) { workspaceName role email expiresAt } }"): typeof import('./graphql').InvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptInvitation($t: String!) { acceptInvitation(token: $t) { id } }"): typeof import('./graphql').AcceptInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($t: String!, $p: String!) {\n  resetPassword(token: $t, newPassword: $p) }"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($e: String!) { requestPasswordReset(email: $e) }"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Activity($w: ID!, $after: String) { workspace(id: $w) {\n  activity(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id verb subjectType createdAt detail actor { name } } } } }"): typeof import('./graphql').ActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dataset($id: ID!) {\n  dataset(id: $id) { id name labels { id name imageCount } splitCounts { train validation test unlabelled } } }"): typeof import('./graphql').DatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DatasetUpdates($id: ID!) { datasetUpdates(id: $id) { id } }"): typeof import('./graphql').DatasetUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Datasets($w: ID!) { workspace(id: $w) { datasets { id name description\n  labels { name imageCount } splitCounts { train validation test unlabelled } } } }"): typeof import('./graphql').DatasetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateDataset($w: ID!, $name: String!) {\n  createDataset(workspaceId: $w, name: $name) { id } }"): typeof import('./graphql').CreateDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Experiment($id: ID!) { experiment(id: $id) { id name dataset { id name }\n  baseModel { name } aliases { name checkpoint { id runId } } summary { runCount }\n  datasetHealth { stale summary { leakingGroups } duplicates(limit: 50) { crossesSplits images { id } } } } }"): typeof import('./graphql').ExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExperimentRuns($id: ID!, $before: String) { experiment(id: $id) {\n  runs(last: 50, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { id status queuedAt\n    hyperparameters { epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing }\n    metrics { validationAccuracy testAccuracy } epochs { ...EpochPoint } } } } }"): typeof import('./graphql').ExperimentRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartRun($e: ID!) { startRun(experimentId: $e) { id } }"): typeof import('./graphql').StartRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExperimentChoices($w: ID!) { workspace(id: $w) { datasets { id name } }\n  baseModels { id key name cached featureDim custom role benchmark { imagesPerSecond flowersValidationAccuracy } } }"): typeof import('./graphql').ExperimentChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Experiments($w: ID!, $after: String) { workspace(id: $w) {\n  experiments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id name dataset { name } baseModel { name } summary { runCount bestTestAccuracy } } } } }"): typeof import('./graphql').ExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateExperiment($d: ID!, $m: ID!, $n: String!, $h: HyperparametersInput) {\n  createExperiment(datasetId: $d, baseModelId: $m, name: $n, hyperparameters: $h) { id } }"): typeof import('./graphql').CreateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Shell { me { name email } workspaces { id name myRole myPermissions { write train manageMembers manageWebhooks destroy manageWorkspace } } }"): typeof import('./graphql').ShellDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut { signOut }"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PredictTargets($w: ID!) { workspace(id: $w) { keepServedImages experiments(first: 50) {\n  nodes { id name aliases { name } runs(last: 5) { nodes { id checkpoints { id step } } } } } } }"): typeof import('./graphql').PredictTargetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Predict($c: ID, $e: ID, $alias: String, $img: PredictImageInput!, $keep: Boolean) {\n  predict(checkpointId: $c, experimentId: $e, alias: $alias, images: [$img], topK: 5, keep: $keep) {\n    checkpointId latencyMs kept results { name error unknown unknownReason calibrated top { label probability }\n      evidence { label distance image { id thumbnailUrl originalName } } } } }"): typeof import('./graphql').PredictDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReviewQueue($w: ID!, $after: String) { workspace(id: $w) {\n  reviewQueue(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt alias unknown label confidence margin thumbnailDataUrl checkpoint { labels } } } } }"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LabelServed($p: ID!, $l: String!, $s: Split) {\n  labelServedPrediction(predictionId: $p, label: $l, split: $s) { imageId status } }"): typeof import('./graphql').LabelServedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DismissServed($p: ID!) { dismissServedPrediction(predictionId: $p) }"): typeof import('./graphql').DismissServedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Run($id: ID!) { run(id: $id) { ...RunDetails } }"): typeof import('./graphql').RunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RunDetails on TrainingRun { id experimentId status error resumedFromId\n  hyperparameters { epochs }\n  extraction { status backend progress { done total imagesPerSecond etaSeconds } }\n  epochs { ...EpochPoint } metrics { evaluatedOn stoppedEarly }\n  evaluation { ...EvaluationDetails } checkpoints { ...CheckpointRow } }"): typeof import('./graphql').RunDetailsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RunProgress($id: ID!) { runProgress(id: $id) { ...RunDetails } }"): typeof import('./graphql').RunProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunDataset($e: ID!) { experiment(id: $e) { datasetId } }"): typeof import('./graphql').RunDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelRun($id: ID!) { cancelRun(id: $id) { id } }"): typeof import('./graphql').CancelRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Team($w: ID!) { workspace(id: $w) {\n  members { role user { id name email } } invitations { id email role expiresAt } } }"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteMember($w: ID!, $e: String!, $r: Role!) {\n  inviteMember(workspaceId: $w, email: $e, role: $r) { path } }"): typeof import('./graphql').InviteMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetMemberRole($w: ID!, $u: ID!, $r: Role!) {\n  setMemberRole(workspaceId: $w, userId: $u, role: $r) { role } }"): typeof import('./graphql').SetMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMember($w: ID!, $u: ID!) { removeMember(workspaceId: $w, userId: $u) }"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeInvitation($w: ID!, $id: ID!) { revokeInvitation(workspaceId: $w, id: $id) }"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePasswordResetLink($w: ID!, $u: ID!) {\n  createPasswordResetLink(workspaceId: $w, memberId: $u) { path } }"): typeof import('./graphql').CreatePasswordResetLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiTokens { apiTokens { id name prefix scope expiresAt createdAt lastUsedAt revokedAt } }"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateApiToken($n: String!, $s: TokenScope!, $x: DateTime) {\n  createApiToken(name: $n, scope: $s, expiresAt: $x) { secret } }"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) }"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Webhooks($w: ID!) {\n  webhookEvents { name description }\n  workspace(id: $w) { id webhooks { id url events enabled createdAt\n    deliveries { id event status attempts responseStatus error createdAt lastAttemptAt nextAttemptAt } } } }"): typeof import('./graphql').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateWebhook($w: ID!, $url: String!, $events: [String!]!) {\n  createWebhook(workspaceId: $w, url: $url, events: $events) { secret } }"): typeof import('./graphql').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetWebhookEnabled($id: ID!, $enabled: Boolean!) {\n  updateWebhook(id: $id, enabled: $enabled) { id enabled } }"): typeof import('./graphql').SetWebhookEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) }"): typeof import('./graphql').DeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { id } }"): typeof import('./graphql').SendTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Workspaces { me { name } workspaces { id name myRole } }"): typeof import('./graphql').WorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateWorkspace($name: String!) { createWorkspace(name: $name) { id } }"): typeof import('./graphql').CreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUp($email: String!, $password: String!, $name: String!, $invitation: String) {\n  signUp(email: $email, password: $password, name: $name, invitationToken: $invitation) { user { id } } }"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($email: String!, $password: String!) {\n  signIn(email: $email, password: $password) { user { id } } }"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignInOptions {\n  signInOptions { signUp { mode message } singleSignOn { name startPath } passwordResetByEmail } }"): typeof import('./graphql').SignInOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RelabelImages($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }"): typeof import('./graphql').RelabelImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveImages($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }"): typeof import('./graphql').MoveImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteImages($ids: [ID!]!) { deleteImages(ids: $ids) }"): typeof import('./graphql').DeleteImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RunCalibration($id: ID!) { run(id: $id) { checkpoints { id\n  calibration { temperature fittedOn evaluatedOn eceBefore eceAfter targetPrecision threshold\n    reliabilityBefore { confidence accuracy count } reliabilityAfter { confidence accuracy count }\n    curve { threshold coverage precision } } } } }"): typeof import('./graphql').RunCalibrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetTargetPrecision($c: ID!, $p: Float!) {\n  setTargetPrecision(checkpointId: $c, targetPrecision: $p) { id } }"): typeof import('./graphql').SetTargetPrecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CheckpointRow on Checkpoint {\n  id step labels exportUrl onnxExportUrl onnxExportUnavailable metrics { validationAccuracy testAccuracy } }"): typeof import('./graphql').CheckpointRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PromoteCheckpoint($c: ID!) { promoteCheckpoint(checkpointId: $c, alias: \"production\") { id } }"): typeof import('./graphql').PromoteCheckpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResumeCheckpoint($e: ID!, $c: ID!) {\n  startRun(experimentId: $e, resumeFromCheckpointId: $c, hyperparameters: { epochs: 10 }) { id } }"): typeof import('./graphql').ResumeCheckpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Comments($e: ID!, $after: String) { experiment(id: $e) {\n  comments(first: 50, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id body runId createdAt author { name } } } } }"): typeof import('./graphql').CommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddComment($e: ID!, $b: String!) { addComment(experimentId: $e, body: $b) { id } }"): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EpochPoint on EpochMetric {\n  epoch trainLoss trainAccuracy validationLoss validationAccuracy }"): typeof import('./graphql').EpochPointFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteBaseModel($id: ID!) { deleteBaseModel(id: $id) }"): typeof import('./graphql').DeleteBaseModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DatasetHealthTab($id: ID!) {\n  baseModels { id name cached }\n  dataset(id: $id) { id labels { id name }\n    healthCheck { id status error progress { done total } }\n    health { stale computedAt images baseModel { id name }\n      summary { duplicateGroups leakingGroups mislabeled strays smallClasses reviewed }\n      balance { perClass { label train validation test total } smallClasses missing { split labels } }\n      map { imageIds x y labelIds flagged }\n      ...HealthFindings } } }"): typeof import('./graphql').DatasetHealthTabDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartHealthCheck($d: ID!, $m: ID!) {\n  startHealthCheck(datasetId: $d, baseModelId: $m) { id status error progress { done total } } }"): typeof import('./graphql').StartHealthCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription HealthCheckProgress($id: ID!) {\n  jobProgress(id: $id) { id status error progress { done total } result { ... on HealthResult { stage } } } }"): typeof import('./graphql').HealthCheckProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DatasetRuns($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModel { name } runs(last: 10) { nodes { id status } } } } }"): typeof import('./graphql').DatasetRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment EvaluationDetails on Evaluation {\n  count accuracy labels confusionMatrix { label counts }\n  perClass { label precision recall f1 support }\n  misclassified { image { id thumbnailUrl } trueLabel predictedLabel top { label probability } } }"): typeof import('./graphql').EvaluationDetailsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateExperiment($id: ID!, $n: String) { updateExperiment(id: $id, name: $n) { name } }"): typeof import('./graphql').UpdateExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteExperiment($id: ID!) { deleteExperiment(id: $id) }"): typeof import('./graphql').DeleteExperimentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveAlias($e: ID!, $a: String!) { removeAlias(experimentId: $e, alias: $a) }"): typeof import('./graphql').RemoveAliasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteRun($id: ID!) { deleteRun(id: $id) }"): typeof import('./graphql').DeleteRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HealthFindings on DatasetHealth {\n  duplicates { key crossesSplits maxDistance images { id originalName split thumbnailUrl } }\n  mislabeled { key givenLabelId suggestedLabelId givenProbability suggestedProbability\n    image { id originalName split thumbnailUrl } }\n  strays { key score image { id originalName split thumbnailUrl labelId } } }"): typeof import('./graphql').HealthFindingsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation KeepOnly($ids: [ID!]!) { deleteImages(ids: $ids) }"): typeof import('./graphql').KeepOnlyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveGroup($ids: [ID!]!, $s: Split) { updateImages(ids: $ids, split: $s) { id } }"): typeof import('./graphql').MoveGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptLabel($id: ID!, $l: ID) { updateImages(ids: [$id], labelId: $l) { id } }"): typeof import('./graphql').AcceptLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkReviewed($d: ID!, $k: String!) { markFindingReviewed(datasetId: $d, key: $k) }"): typeof import('./graphql').MarkReviewedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HyperparameterDefaults { hyperparameterDefaults {\n  epochs batchSize learningRate hiddenUnits dropout l2 labelSmoothing earlyStoppingPatience } }"): typeof import('./graphql').HyperparameterDefaultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KeepServedImages($w: ID!) { workspace(id: $w) { id keepServedImages } }"): typeof import('./graphql').KeepServedImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetKeepServedImages($w: ID!, $k: Boolean!) {\n  setKeepServedImages(workspaceId: $w, keep: $k) { id keepServedImages } }"): typeof import('./graphql').SetKeepServedImagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateLabel($d: ID!, $n: String!) { createLabel(datasetId: $d, name: $n) { id } }"): typeof import('./graphql').CreateLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RenameLabel($id: ID!, $n: String!) { renameLabel(id: $id, name: $n) { id } }"): typeof import('./graphql').RenameLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MergeLabels($f: ID!, $i: ID!) { mergeLabels(fromId: $f, intoId: $i) { id } }"): typeof import('./graphql').MergeLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteLabel($id: ID!) { deleteLabel(id: $id) }"): typeof import('./graphql').DeleteLabelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LabelNext($d: ID!, $c: ID, $m: ID) { dataset(id: $d) { id\n  labelNext(checkpointId: $c, baseModelId: $m, first: 40) { image { id originalName thumbnailUrl } doubt label confidence } } }"): typeof import('./graphql').LabelNextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetLabels($ids: [ID!]!, $l: ID) { updateImages(ids: $ids, labelId: $l) { id } }"): typeof import('./graphql').SetLabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptSuggested($d: ID!, $c: ID!, $p: Float!) {\n  acceptSuggestedLabels(datasetId: $d, checkpointId: $c, minConfidence: $p) { label count } }"): typeof import('./graphql').AcceptSuggestedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LabellingSources($d: ID!) { dataset(id: $d) { id experiments {\n  id name baseModelId aliases { name checkpoint { id } } runs(last: 3) { nodes { checkpoints { id } } } } } }"): typeof import('./graphql').LabellingSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompareRuns($a: ID!, $b: ID!) { compareRuns(runA: $a, runB: $b) { reason\n  comparison { images pValue significant verdict onlyA onlyB\n    accuracyA { value low high } accuracyB { value low high } difference { value low high }\n    perClass { label f1A { value low high } f1B { value low high } } } } }"): typeof import('./graphql').CompareRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRecentRuns($ws: ID!) { workspace(id: $ws) { id myRecentRuns {\n  id status error metrics { validationAccuracy stoppedEarly } } } }"): typeof import('./graphql').MyRecentRunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServedPredictions($w: ID!, $after: String) { workspace(id: $w) {\n  predictions(first: 20, after: $after) { pageInfo { hasNextPage endCursor }\n    nodes { id createdAt latencyMs top { label probability } checkpoint { id step } } } } }"): typeof import('./graphql').ServedPredictionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExperimentServing($e: ID!, $alias: String!) { experiment(id: $e) {\n  serving(alias: $alias, days: 30) { psi threshold drift recentPredictions\n    days { date count unknown meanConfidence } shares { label training served } } } }"): typeof import('./graphql').ExperimentServingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImportJob($id: ID!) { job(id: $id) { ...ImportJobState } }"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ImportJobProgress($id: ID!) { jobProgress(id: $id) { ...ImportJobState } }"): typeof import('./graphql').ImportJobProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ImportJobState on Job { status error progress { done total }\n  result { __typename ... on ImportResult { accepted rejected duplicates } } }"): typeof import('./graphql').ImportJobStateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Workers { health { workers { hostname } } }"): typeof import('./graphql').WorkersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RenameWorkspace($id: ID!, $n: String!) { renameWorkspace(id: $id, name: $n) { name } }"): typeof import('./graphql').RenameWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteWorkspace($id: ID!, $n: String!) { deleteWorkspace(id: $id, confirmName: $n) }"): typeof import('./graphql').DeleteWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaveWorkspace($id: ID!) { leaveWorkspace(id: $id) }"): typeof import('./graphql').LeaveWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UploadOptions { uploadOptions { fromBrowsers } }"): typeof import('./graphql').UploadOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartBrowserUploads($datasetId: ID!, $files: [DirectUploadFileInput!]!) {\n  startDirectUploads(datasetId: $datasetId, files: $files) { key url }\n}"): typeof import('./graphql').StartBrowserUploadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FinishBrowserUploads($datasetId: ID!, $uploads: [FinishedUploadInput!]!) {\n  finishDirectUploads(datasetId: $datasetId, uploads: $uploads) { name status reason }\n}"): typeof import('./graphql').FinishBrowserUploadsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImageWindow($d: ID!, $label: ID, $split: Split, $unlabelled: Boolean,\n  $failed: Boolean, $q: String, $sort: ImageSort, $desc: Boolean, $c: ID, $offset: Int, $n: Int) {\n  images(datasetId: $d, labelId: $label, split: $split, unlabelled: $unlabelled, failed: $failed, search: $q,\n    sort: $sort, descending: $desc, checkpointId: $c, offset: $offset, first: $n) {\n    totalCount nodes { id originalName labelId split thumbnailUrl suggestion { label confidence } } } }"): typeof import('./graphql').ImageWindowDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
