# The faultline CLI as an image: `docker run faultline explore --preset sl-async --runs 500 --seed 1`.
FROM node:20-slim
WORKDIR /app
# Dependencies first, so a source change does not reinstall them; --ignore-scripts because
# `prepare` compiles the sources, which are not copied yet.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build
# Results go here; mount a volume on it (deploy/kubernetes/explore-job.yaml does).
RUN mkdir -p /results
ENTRYPOINT ["node", "/app/dist/src/cli/main.js"]
CMD ["--help"]
