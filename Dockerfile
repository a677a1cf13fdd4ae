# One image for the api, worker and web services of docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CI=true
RUN npm install -g pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec prisma generate \
 && pnpm --filter @retrain/web build
# Production mode at run time (set after the install, which needs the dev tools: tsx, prisma).
ENV NODE_ENV=production
# Not root: the image's own `node` user, owning only what it writes (the data volume, Next.js's cache).
RUN mkdir -p /data && chown node:node /data && chown -R node:node /app/apps/web/.next
USER node
