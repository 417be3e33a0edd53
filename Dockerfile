# hookpatch: KubeVirt hook sidecar image (multi-stage; builds with Docker and with buildah 1.28).
# Classic syntax on purpose: no heredocs, no COPY --link, no RUN --mount.

# Stage 1: compile TypeScript with the dev dependencies.
FROM docker.io/library/node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run the build before the sources are copied.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs scripts/html-entities-on-demand.mjs ./scripts/
COPY src ./src
# tsc, then esbuild bundles dist/cli/ (docs/performance.md: sooner start, smaller heap)
RUN npm run build
# The V8 code cache of dist/cli/serve.cjs, made by this stage's node (the runtime's) with the
# ENTRYPOINT's flags read from this Dockerfile: V8 refuses a cache made under other flags.
COPY Dockerfile ./
COPY packaging/image-runtime.ts ./packaging/
COPY packaging/fixtures/domain_x86_64.tabs.xml packaging/fixtures/vmi.json ./packaging/fixtures/
COPY scripts/code-cache.ts ./scripts/
RUN node --import tsx scripts/code-cache.ts
# An empty directory for the runtime stage's socket volume (no RUN is needed there).
RUN mkdir -p /out/kubevirt-hooks

# Stage 2: production dependencies only (no build step: dist/ comes from stage 1).
FROM docker.io/library/node:22-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Stage 3: runtime. Nothing is written here at run time except the socket directory.
FROM docker.io/library/node:22-bookworm-slim AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="hookpatch" \
      org.opencontainers.image.description="KubeVirt hook sidecar that patches the libvirt domain XML and cloud-init data from declarative patch documents" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="docker.io/library/node:22-bookworm-slim"
ENV NODE_ENV=production
# glibc: fixed 128 KiB mmap/trim thresholds, so the freed buffers of a 270 KB call go back to the
# kernel instead of raising the thresholds and staying in the heap (~3 MiB less anonymous RSS
# after the mixed load, docs/performance.md).
ENV MALLOC_MMAP_THRESHOLD_=131072 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY package.json ./
COPY proto ./proto
COPY schemas ./schemas
# KubeVirt runs the sidecars of a non-root VMI as uid 107 (qemu); no passwd entry is needed.
# The socket directory is theirs even when no volume is mounted over it (docker run).
COPY --from=build --chown=107:107 /out/kubevirt-hooks /var/run/kubevirt-hooks
USER 107:107
VOLUME ["/var/run/kubevirt-hooks"]
# V8 flags for KubeVirt's 64M sidecar limit, each chosen by `npm run bench` (docs/performance.md):
# a 32 MiB old space serves a 2,000-disk domain (24 died from about 1,800; the heap the process
# has sets every input limit, docs/serving.md § Bounded work); 1 MiB semi-spaces (2 grew anonymous RSS by
# ~2 MiB, no faster); no Sparkplug baseline code: ~4 MiB less anonymous RSS after the mixed load
# and no slower; --expose-gc lets the heap probe tell garbage from live data near the limit;
# --disable-sigusr1: no signal opens the inspector (Node 20 lacks the flag; serve also listens).
# The script is the CommonJS entry: it starts `serve` from its one-file bundle with the code cache
# the build stage made under these same flags.
ENTRYPOINT ["node", "--max-old-space-size=32", "--max-semi-space-size=1", "--expose-gc", "--no-sparkplug", "--disable-sigusr1", "/app/dist/cli/hookpatch.cjs"]
CMD ["serve"]
