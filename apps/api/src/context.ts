import type { HealthService } from "./services/health-service.js";

/** Domain services the resolvers call; resolvers hold no logic of their own. */
export interface Services {
  health: HealthService;
}

export interface ApiContext {
  services: Services;
}
