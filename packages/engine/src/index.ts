export {
  BACKENDS,
  type BackendName,
  currentBackend,
  initBackend,
  isBackendName,
  parseBackendChoice,
} from "./backend.js";
