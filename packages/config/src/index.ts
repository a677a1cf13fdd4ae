export { blobStoreSettings, objectStoreOptions } from "./blob-store-settings.js";
export { ConfigError, describeSettings, loadConfig } from "./load-config.js";
export { SERVICE_HEAP_MB, serviceProcessEnvironment } from "./process-environment.js";
export { productRoot } from "./product-root.js";
export { databaseUrl, modelSettings, operationsSettings, setting, webhookSettings } from "./settings.js";
