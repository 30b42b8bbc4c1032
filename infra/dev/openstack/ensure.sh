#!/bin/bash
# ensure.sh — make sure Debian's OpenStack Zed (the cloud-openstack adapter's real peer) answers on
# 127.0.0.1. Does nothing when every API already answers; otherwise installs the packages when they
# are missing and runs up.sh's phases. Used by .ci/run; safe to run by hand (as root).
set -eo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
HERE=$(cd "$(dirname "$0")" && pwd)
P=${OS_PEER_DIR:-/var/tmp/openstack-peer}

answers() { # every API port answers HTTP below 500, and the admin can get a token
  local url
  for url in http://127.0.0.1:5000/v3 http://127.0.0.1:9292/ http://127.0.0.1:8778/ \
    http://127.0.0.1:8774/ http://127.0.0.1:9696/ http://127.0.0.1:8776/; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true) =~ ^[234] ]] || return 1
  done
  [[ -f $P/admin-openrc ]] || return 1
  (. "$P/admin-openrc" && openstack token issue -f value -c id >/dev/null 2>&1)
}

if answers; then echo "openstack peer: already up ($P/admin-openrc)"; exit 0; fi

phases=()
dpkg -s nova-api neutron-api cinder-volume glance-api keystone placement-api \
  python3-openstackclient uwsgi-plugin-python3 >/dev/null 2>&1 || phases+=(install)
phases+=(infra keystone glance placement nova neutron cinder)
echo "openstack peer: starting (${phases[*]}); logs in $P/logs"
bash "$HERE/up.sh" "${phases[@]}"
answers || { echo "openstack peer: still not answering after up.sh; see $P/logs" >&2; exit 1; }
echo "openstack peer: up ($P/admin-openrc)"
