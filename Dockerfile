# The bot as a container: Node 20, production dependencies only, a non-root user, /healthz checked.
# Build stage: `npm ci` installs everything and runs the package's `prepare` script when there is one
# (a build step, if the project has it), then the dev dependencies are dropped.
FROM node:20-bookworm AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

# Runtime stage: the built app and its production node_modules, run as the image's `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# 200 also while the store is lost ("status": "degraded"): the bot still answers, so it stays in service.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "start"]
