# One image for the api, worker, web and migrate services of docker-compose.yml, built in three stages:
# production dependencies, the build (every dependency, the compiled services, the dashboard), and the
# runtime: slim Node with production dependencies and compiled output only, as the unprivileged `node` user.
FROM node:20-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CI=true
RUN npm install -g pnpm@12.21.0

# Only the manifests, so this layer is rebuilt when dependencies change, not when code does.
FROM base AS prod-deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/client/package.json packages/client/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/db/schema-engine packages/db/schema-engine
COPY packages/engine/package.json packages/engine/
COPY packages/ingest/package.json packages/ingest/
COPY packages/jobs/package.json packages/jobs/
COPY packages/models/package.json packages/models/
COPY packages/telemetry/package.json packages/telemetry/
COPY packages/webhooks/package.json packages/webhooks/
COPY packages/testing/package.json packages/testing/
RUN pnpm install --prod --frozen-lockfile

FROM base AS build
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec prisma generate \
 && pnpm build \
 && pnpm build:web

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# glibc malloc arenas and V8 heaps capped as `npm start` does (serviceProcessEnvironment).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 MALLOC_ARENA_MAX=2 NODE_OPTIONS=--max-old-space-size=512
COPY --from=prod-deps /app ./
COPY --from=build /app/dist dist
COPY --from=build /app/prisma/migrations prisma/migrations
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/worker/dist apps/worker/dist
COPY --from=build /app/apps/web/dist apps/web/dist
COPY --from=build /app/apps/web/next.config.ts apps/web/
COPY --from=build --chown=node:node /app/apps/web/.next apps/web/.next
COPY --from=build /app/packages/client/dist packages/client/dist
COPY --from=build /app/packages/config/dist packages/config/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/engine/dist packages/engine/dist
COPY --from=build /app/packages/ingest/dist packages/ingest/dist
COPY --from=build /app/packages/jobs/dist packages/jobs/dist
COPY --from=build /app/packages/models/dist packages/models/dist
COPY --from=build /app/packages/telemetry/dist packages/telemetry/dist
COPY --from=build /app/packages/webhooks/dist packages/webhooks/dist
# Not root: the image's own `node` user, owning only what it writes (the data volume, Next.js's cache).
RUN mkdir -p /data && chown node:node /data
USER node
# Each service answers on its own probe (compose sets the URL per service; the API's readiness by default).
ENV HEALTHCHECK_URL=http://127.0.0.1:4000/readyz
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "--conditions=compiled", "apps/api/dist/main.js"]
