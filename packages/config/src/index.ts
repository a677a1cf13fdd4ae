export { ConfigError, describeSettings, loadConfig } from "./load-config.js";
export { databaseUrl, modelSettings, operationsSettings, setting } from "./settings.js";
