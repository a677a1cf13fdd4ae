export { freePort } from "@retrain/db/local";
export { compiledServices, seededModelCache } from "./compiled-services.js";
export { flowerUploads, type TrainedWorkspace, trainedFlowersWorkspace } from "./flowers-workspace.js";
export { type GraphQLAnswer, graphqlRequest, signUpAt, userWithWorkspace } from "./graphql-request.js";
export { type RadosGateway, startRadosGateway } from "./rados-gateway.js";
export {
  compiledFile,
  type RunAs,
  type ServiceProcess,
  startApiProcess,
  startDashboardProcess,
  startService,
  startWorkerProcess,
  until,
} from "./service-process.js";
export { sharedDir } from "./shared-dir.js";
export { type TestDatabase, useEmptyDatabase, useTestDatabase } from "./test-database.js";
export { startThrowawayProduct, type ThrowawayProduct } from "./throwaway-product.js";
export { zipOf, zipOfFolders } from "./zips.js";
