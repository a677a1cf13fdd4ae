export { ConfigError, describeSettings, loadConfig } from "./load-config.js";
export { databaseUrl, modelSettings, setting } from "./settings.js";
