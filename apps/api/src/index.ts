export { type ApiServer, startApiServer } from "./server.js";
export { createServices } from "./services/index.js";
