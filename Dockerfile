# Build stage: compile TypeScript to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime stage: the compiled service and production dependencies only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
COPY --from=build /app/area ./area
# The web form's and the sign-in pages' views and assets are read at run time, next to the compiled code's source paths.
COPY --from=build /app/src/feedback/views ./src/feedback/views
COPY --from=build /app/src/feedback/assets ./src/feedback/assets
COPY --from=build /app/src/auth/views ./src/auth/views
COPY --from=build /app/src/inbox/views ./src/inbox/views
COPY --from=build /app/src/inbox/assets ./src/inbox/assets
COPY --from=build /app/src/partnership/views ./src/partnership/views
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]
