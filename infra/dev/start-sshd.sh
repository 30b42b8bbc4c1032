#!/usr/bin/env bash
# Start a private OpenSSH sshd in the foreground on loopback — the real peer for the dc-agent
# (it plays the gateway) and the reference side of the tunnel benchmark.
#
#   infra/dev/start-sshd.sh <state-dir> <port> <authorized_keys-file>
#
# Creates <state-dir>/host_ed25519 on first use and writes <state-dir>/sshd_config. Public-key
# auth only; TCP forwarding allowed; nothing listens beyond 127.0.0.1. Ends with sshd (exec).
# SSHD_EXTRA_CONFIG=<file> appends that file to the config (e.g. the hardened Match block of
# docs/operator-tunnel.md).
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 <state-dir> <port> <authorized_keys-file>" >&2
  exit 2
fi
dir=$(realpath -m "$1")
port=$2
authorized_keys=$(realpath -m "$3")
sshd_bin=$(command -v sshd || echo /usr/sbin/sshd)
if [[ ! -x $sshd_bin ]]; then
  echo "sshd not found: apt-get install -y openssh-server" >&2
  exit 1
fi

mkdir -p "$dir"
chmod 700 "$dir"
# Privilege separation directory sshd insists on.
[[ -d /run/sshd ]] || mkdir -p /run/sshd
[[ -f $dir/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C yunguan-dev-sshd -f "$dir/host_ed25519"

cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowTcpForwarding yes
GatewayPorts no
X11Forwarding no
PermitTTY no
ClientAliveInterval 15
LogLevel INFO
CONF
if [[ -n ${SSHD_EXTRA_CONFIG:-} ]]; then
  cat "$SSHD_EXTRA_CONFIG" >>"$dir/sshd_config"
fi

exec "$sshd_bin" -D -e -f "$dir/sshd_config"
