#!/usr/bin/env bash
# Install the Yunguan agent as a systemd service and enroll it.
#
#   sudo infra/agent/install.sh --portal https://portal.example.com --token <one-time token>
#
# Run from a checkout (or unpacked release) of the repository that has had `npm ci`. Copies the
# agent to /opt/yunguan-agent, creates the `yunguan-agent` system user and
# /var/lib/yunguan-agent (0700), enrolls with the token (the key pair is generated here and the
# private key never leaves this machine), then enables and starts the service.
# Re-running with a new token re-enrolls (rotates the key); without --token it only reinstalls.
set -euo pipefail

portal=""
token=""
prefix=/opt/yunguan-agent
data_dir=/var/lib/yunguan-agent
while [[ $# -gt 0 ]]; do
  case $1 in
    --portal) portal=$2; shift 2 ;;
    --token) token=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --data-dir) data_dir=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ $(id -u) -eq 0 ]] || { echo "run as root" >&2; exit 1; }
command -v node >/dev/null || { echo "Node.js >= 20 is required" >&2; exit 1; }
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || { echo "Node.js >= 20 is required (found $(node --version))" >&2; exit 1; }

src=$(cd "$(dirname "$0")/../.." && pwd)
[[ -f $src/apps/dc-agent/bin/yunguan-agent.mjs && -d $src/node_modules ]] \
  || { echo "run from a repository checkout after 'npm ci'" >&2; exit 1; }

id yunguan-agent >/dev/null 2>&1 \
  || useradd --system --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin yunguan-agent
install -d -m 0755 "$prefix"
# The agent needs its own app, the contract package and the installed dependencies.
for part in package.json apps/dc-agent packages/contract packages/domain node_modules; do
  mkdir -p "$prefix/$(dirname "$part")"
  rm -rf "${prefix:?}/$part"
  cp -a "$src/$part" "$prefix/$part"
done
install -d -m 0700 -o yunguan-agent -g yunguan-agent "$data_dir"

agent() {
  runuser -u yunguan-agent -- env YUNGUAN_AGENT_DATA_DIR="$data_dir" \
    node "$prefix/apps/dc-agent/bin/yunguan-agent.mjs" "$@"
}
if [[ -n $token ]]; then
  [[ -n $portal ]] || { echo "--token needs --portal" >&2; exit 2; }
  agent enroll --portal "$portal" --token "$token"
elif [[ ! -f $data_dir/agent.json ]]; then
  echo "not enrolled yet: re-run with --portal <url> --token <token>" >&2
  exit 1
fi

install -m 0644 "$src/infra/agent/yunguan-agent.service" /etc/systemd/system/yunguan-agent.service
systemctl daemon-reload
systemctl enable --now yunguan-agent.service
systemctl restart yunguan-agent.service
echo "installed; check with: systemctl status yunguan-agent && sudo -u yunguan-agent YUNGUAN_AGENT_DATA_DIR=$data_dir node $prefix/apps/dc-agent/bin/yunguan-agent.mjs status"
echo "configure upstreams in $data_dir/agent.json (router.upstreams), then: systemctl restart yunguan-agent"
