# One image for both app processes; docker-compose.yml chooses the command
# (`node --import tsx api/server.ts` or `node --import tsx worker/main.ts`).
# Debian rather than Alpine: Temporal's core bridge and argon2 ship prebuilt glibc binaries.

FROM node:20-bookworm-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:admin

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
COPY --from=console /app/admin/dist ./admin/dist
# The code stays owned by root, so the process cannot rewrite what it runs.
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/server.ts"]
