# Gatehouse production image. Written and reviewed but never built on the machine the project is developed on (it
# has no Docker engine): build it once before relying on it.
#
#   docker build -t gatehouse .
#   docker run -p 8080:8080 -e AUTH_CLIENTS=... -e JWT_PRIVATE_KEY_FILE=/run/secrets/jwt.pem gatehouse

# Node 24, the current LTS line (22 works too: --build-arg NODE_VERSION=22; see "Supported Node lines" in the README).
ARG NODE_VERSION=24
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary and compiles only if none fits; the toolchain covers that case.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm runs every install script; swagger-ui-dist's @scarf/scarf would send install analytics.
ENV SCARF_ANALYTICS=false
RUN npm ci
COPY nest-cli.json tsconfig.json tsconfig.build.json ormconfig.ts ./
COPY src ./src
# The import CLI (npm run import) is built too: `docker compose exec gatehouse node dist/cli/import/main.js …`.
COPY cli ./cli
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The default SQLite file and a generated key live under ./data; mount a volume there, or use DATABASE_URL and
# JWT_PRIVATE_KEY_FILE in production. Never run as root.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:8080/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The node arguments of `npm start` (package.json; see the README's quick start for why the V8 flags). Node itself is
# PID 1, so SIGTERM reaches Gatehouse directly: it drains in-flight requests and exits 0.
CMD ["node", "--no-allocation-site-pretenuring", "--heap-growing-percent=100", "dist/src/main.js"]
# The admin CLI runs in the same image, on the same configuration: `docker exec -it <container> node dist/src/cli.js create-admin`.
