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
