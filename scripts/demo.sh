#!/usr/bin/env bash
# The quick start: serve an example patch on a temporary socket directory, call it the way
# virt-launcher does (Info, then OnDefineDomain with a KubeVirt domain and VMI), print the change
# as a unified diff, then stop the sidecar with the Shutdown hook and show that it left nothing behind.
set -euo pipefail
cd "$(dirname "$0")/.."

# HOOKPATCH may name another way to run the CLI (the tests run the sources through tsx).
if [ -z "${HOOKPATCH:-}" ]; then
  if [ ! -f dist/cli/main.js ] || [ -n "$(find src -name '*.ts' -newer dist/cli/main.js | head -n 1)" ]; then
    npm run --silent build
  fi
  HOOKPATCH="node dist/cli/main.js"
fi
hookpatch() { $HOOKPATCH "$@"; }

example=examples/smbios-from-annotation
domain=examples/kubevirt-domain.xml
tmp=$(mktemp -d)
sockets="$tmp/hooks"
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if [ -t 1 ]; then say() { printf '\n\033[1m%s\033[0m\n' "$*"; }; else say() { printf '\n%s\n' "$*"; }; fi

say "\$ hookpatch serve --socket-dir $sockets --patch $example/patch.yaml &"
hookpatch serve --socket-dir "$sockets" --patch "$example/patch.yaml" 2>"$tmp/serve.log" &
pid=$!
# virt-launcher polls the directory every 300 ms; so do we, for at most 15 s.
for _ in $(seq 1 150); do
  if [ -n "$(ls -A "$sockets" 2>/dev/null)" ]; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$tmp/serve.log" >&2; echo "demo: hookpatch serve exited early" >&2; exit 1; fi
  sleep 0.1
done
socket=$(ls -d "$sockets"/* 2>/dev/null | head -n 1)
if [ -z "$socket" ]; then echo "demo: no socket appeared in $sockets" >&2; exit 1; fi
head -n 1 "$tmp/serve.log"

say "\$ hookpatch call --socket $socket info"
hookpatch call --socket "$socket" info

say "\$ hookpatch call --socket $socket define --domain $domain --vmi $example/vmi.yaml --diff"
hookpatch call --socket "$socket" define --domain "$domain" --vmi "$example/vmi.yaml" --diff

say "\$ hookpatch call --socket $socket shutdown"
hookpatch call --socket "$socket" shutdown
status=0
wait "$pid" || status=$?
pid=
echo "hookpatch serve exited with status $status"
if [ -e "$socket" ]; then echo "demo: the socket $socket is still there" >&2; exit 1; fi
echo "socket removed: $(ls -A "$sockets" | wc -l) files left in $sockets"
exit "$status"
