# Khabar in a container: built with the development packages, run with the production set only.
# Not built on the development machine (it has no Docker engine): see docs/deploy.md, "Containers".
FROM node:22-bookworm-slim AS build
WORKDIR /opt/khabar
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
# The documented build step (docs/deploy.md): everything, build dist/, then keep the production packages only.
RUN npm ci && npm run build && npm ci --omit=dev

FROM node:22-bookworm-slim
WORKDIR /opt/khabar
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 KHABAR_DATA_DIR=/var/lib/khabar
COPY --from=build /opt/khabar /opt/khabar
RUN mkdir -p /var/lib/khabar && chown node:node /var/lib/khabar
USER node
VOLUME /var/lib/khabar
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=8", "bin/khabar.js", "serve"]
