#!/bin/bash
# up.sh — bring up an OpenStack Zed control plane from Debian 12 (bookworm)
# packages on a machine WITHOUT systemd/docker: every daemon is started by hand.
#
#   usage: ./up.sh [phase ...]
#   phases (default: all, in this order):
#     install infra keystone glance placement nova neutron cinder
#
# Everything this script creates lives in $OS_PEER_DIR (default /var/tmp/openstack-peer)
# (logs/, run/*.pid, etc/, timings.log, admin-openrc) except what the Debian
# packages own (/etc/<svc>/*.conf are overwritten, originals saved in orig-etc/,
# databases in MariaDB, images in /var/lib/glance).
# Stop everything with ./down.sh (kills only the PIDs recorded in run/).
set -eo pipefail
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin   # pyenv's python3 would shadow /usr/bin/python3
export LC_ALL=C.UTF-8
P=${OS_PEER_DIR:-/var/tmp/openstack-peer}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$P"
LOG=$P/logs RUN=$P/run ETC=$P/etc
PW=${OS_PROBE_PASSWORD:-secret}
DBURL="mysql+pymysql://os:$PW@127.0.0.1"
RABBIT="rabbit://guest:guest@127.0.0.1:5672/"
KS=http://127.0.0.1:5000
NCOMPUTE=${NCOMPUTE:-3}
mkdir -p $LOG $RUN $ETC $P/orig-etc
chmod 1777 $LOG
TIMINGS=$P/timings.log

ts() { date +%s.%N; }
log() { echo "[$(date +%T)] $*"; }
timed() { # timed LABEL cmd... : run cmd, append duration to timings.log
  local label=$1; shift; local t0; t0=$(ts)
  "$@"; local rc=$?
  printf '%-34s %7.1fs rc=%s\n' "$label" "$(echo "$(ts) - $t0" | bc)" "$rc" | tee -a $TIMINGS
  return $rc
}
wait_port() { # wait_port PORT [timeout_s]
  local port=$1 n=$(( ${2:-120} * 4 )) i
  for ((i = 0; i < n; i++)); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && return 0; sleep 0.25; done
  echo "port $port did not open" >&2; return 1
}
wait_http() { # wait_http URL [timeout_s] [daemon-name] : until it answers anything but connection refused / 5xx
  local url=$1 n=$(( ${2:-120} * 4 )) name=$3 i code
  for ((i = 0; i < n; i++)); do
    if [[ -n $name ]] && ! kill -0 "$(cat $RUN/$name.pid)" 2>/dev/null; then echo "$name died, see $LOG/$name.log" >&2; return 1; fi
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [[ $code =~ ^[234] ]] && return 0; sleep 0.25
  done
  echo "$url not answering (last code $code)" >&2; return 1
}
# daemon NAME USER CMD... : start CMD as USER in background, new session, pid -> run/NAME.pid
daemon() {
  local name=$1 user=$2; shift 2
  if [[ -f $RUN/$name.pid ]] && kill -0 "$(cat $RUN/$name.pid)" 2>/dev/null; then log "$name already running"; return 0; fi
  if [[ $user == root ]]; then
    nohup setsid "$@" >> $LOG/$name.log 2>&1 < /dev/null &
  else
    nohup setsid setpriv --reuid="$user" --regid="$user" --init-groups "$@" >> $LOG/$name.log 2>&1 < /dev/null &
  fi
  echo $! > $RUN/$name.pid
  log "started $name pid $(cat $RUN/$name.pid)"
}
# uwsgi_api NAME USER PORT WSGI_FILE [PROCESSES THREADS] : serve a WSGI app with uwsgi
uwsgi_api() {
  local name=$1 user=$2 port=$3 wsgi=$4 procs=${5:-1} threads=${6:-4}
  cat > $ETC/$name-uwsgi.ini <<EOF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$port
wsgi-file = $wsgi
master = true
processes = $procs
threads = $threads
enable-threads = true
lazy-apps = true
buffer-size = 65535
rem-header = Content-Length
http-auto-chunked = true
http-chunked-input = true
http-raw-body = true
wsgi-manage-chunked-input = true
socket-timeout = 30
no-orphans = true
die-on-term = true
thunder-lock = true
paste-logger = true
uid = $user
gid = $user
chdir = /var/lib/$user
name = $name
EOF
  daemon $name root /usr/bin/uwsgi_python3 --ini $ETC/$name-uwsgi.ini
}
backup_conf() { for f in "$@"; do [[ -e $P/orig-etc/$(basename $f) ]] || cp -a $f $P/orig-etc/ 2>/dev/null || true; done; }
osc() { openstack "$@"; }
as() { local u=$1; shift; setpriv --reuid="$u" --regid="$u" --init-groups "$@"; }
authtoken() { # authtoken SERVICE_USER : a [keystone_authtoken] section
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $KS
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = $1
password = $PW
service_token_roles_required = true
EOF
}
mkdb() { for db in "$@"; do mysql -e "CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4"; done; }

cat > $P/admin-openrc <<EOF
export OS_AUTH_URL=$KS/v3
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=admin
export OS_PASSWORD=$PW
export OS_PROJECT_NAME=admin
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export PATH=$PATH
EOF

# ---------------------------------------------------------------- install
phase_install() {
  # Block package maintainer scripts from starting services (no systemd here);
  # do not clobber an existing policy-rc.d.
  [[ -e /usr/sbin/policy-rc.d ]] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; }
  export DEBIAN_FRONTEND=noninteractive
  timed "apt-get update" apt-get update -q > $LOG/apt-update.log 2>&1
  timed "apt install infra+keystone+osc" apt-get install -y -q --no-install-recommends \
    mariadb-server rabbitmq-server keystone python3-openstackclient \
    uwsgi-core uwsgi-plugin-python3 python3-pymysql bc curl > $LOG/apt-install-1.log 2>&1
  timed "apt install glance..cinder" apt-get install -y -q --no-install-recommends \
    glance-api placement-api python3-osc-placement nova-api nova-conductor nova-scheduler \
    python3-nova neutron-api neutron-rpc-server cinder-api cinder-scheduler cinder-volume \
    python3-cinder > $LOG/apt-install-2.log 2>&1
}

# ---------------------------------------------------------------- infra
start_mariadb() {
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  daemon mariadb root /usr/sbin/mariadbd --user=mysql --bind-address=127.0.0.1 \
    --max-connections=1000 --innodb-buffer-pool-size=128M
  local i; for ((i = 0; i < 240; i++)); do mysqladmin ping >/dev/null 2>&1 && return 0; sleep 0.25; done; return 1
}
start_rabbitmq() {
  mkdir -p $LOG/rabbitmq && chown rabbitmq:rabbitmq $LOG/rabbitmq
  if ! (echo > /dev/tcp/127.0.0.1/5672) 2>/dev/null; then
    # run as rabbitmq; its HOME holds the erlang cookie. epmd is spawned by erl itself.
    su -s /bin/sh rabbitmq -c "cd /var/lib/rabbitmq && HOME=/var/lib/rabbitmq \
      RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 \
      nohup setsid /usr/lib/rabbitmq/bin/rabbitmq-server >> $LOG/rabbitmq/rabbitmq.out 2>&1 < /dev/null & echo \$! > /tmp/rabbitmq-peer.pid"
    mv /tmp/rabbitmq-peer.pid $RUN/rabbitmq.pid
  fi
  wait_port 5672 120
}
phase_infra() {
  timed "mariadb start" start_mariadb
  timed "rabbitmq start" start_rabbitmq
  mysql -e "CREATE USER IF NOT EXISTS 'os'@'localhost' IDENTIFIED BY '$PW';
            CREATE USER IF NOT EXISTS 'os'@'%' IDENTIFIED BY '$PW';
            GRANT ALL PRIVILEGES ON *.* TO 'os'@'localhost'; GRANT ALL PRIVILEGES ON *.* TO 'os'@'%'; FLUSH PRIVILEGES;"
}

# ---------------------------------------------------------------- keystone
keystone_bootstrap() {
  as keystone keystone-manage db_sync
  keystone-manage fernet_setup --keystone-user keystone --keystone-group keystone
  keystone-manage credential_setup --keystone-user keystone --keystone-group keystone
  as keystone keystone-manage bootstrap --bootstrap-password "$PW" \
    --bootstrap-admin-url $KS/v3/ --bootstrap-internal-url $KS/v3/ \
    --bootstrap-public-url $KS/v3/ --bootstrap-region-id RegionOne
}
keystone_register() { # project, service users, services, endpoints (one OSC process, stdin batch)
  . $P/admin-openrc
  if osc project show service >/dev/null 2>&1; then log "keystone objects already there"; return 0; fi
  {
    echo "project create --domain default --description Service service"
    for u in glance placement nova neutron cinder; do
      echo "user create --domain default --password $PW $u"
      echo "role add --project service --user $u admin"
      echo "role add --project service --user $u service"
    done
    echo "service create --name glance --description Image image"
    echo "service create --name placement --description Placement placement"
    echo "service create --name nova --description Compute compute"
    echo "service create --name neutron --description Networking network"
    echo "service create --name cinderv3 --description Block-Storage volumev3"
    for itf in public internal admin; do
      echo "endpoint create --region RegionOne image $itf http://127.0.0.1:9292"
      echo "endpoint create --region RegionOne placement $itf http://127.0.0.1:8778"
      echo "endpoint create --region RegionOne compute $itf http://127.0.0.1:8774/v2.1"
      echo "endpoint create --region RegionOne network $itf http://127.0.0.1:9696"
      echo "endpoint create --region RegionOne volumev3 $itf http://127.0.0.1:8776/v3/%(project_id)s"
    done
  } > $ETC/keystone-register.osc
  # 'service' role is needed for service_token_roles_required
  sed -i '2a role create service' $ETC/keystone-register.osc
  osc < $ETC/keystone-register.osc > $LOG/keystone-register.log 2>&1 || true
}
phase_keystone() {
  backup_conf /etc/keystone/keystone.conf
  cat > /etc/keystone/keystone.conf <<EOF
[DEFAULT]
[database]
connection = $DBURL/keystone
[token]
provider = fernet
[oslo_policy]
policy_dirs = /etc/keystone/policy.d
EOF
  mkdb keystone
  timed "keystone db_sync+bootstrap" keystone_bootstrap > $LOG/keystone-manage.log 2>&1
  uwsgi_api keystone keystone 5000 /usr/bin/keystone-wsgi-public 1 8
  timed "keystone api start" wait_http $KS/v3 120 keystone
  timed "keystone register svc/endpoints" keystone_register
  . $P/admin-openrc
  osc token issue -f value -c expires >/dev/null && log "keystone: token issue OK"
}

# ---------------------------------------------------------------- glance
phase_glance() {
  backup_conf /etc/glance/glance-api.conf
  cat > /etc/glance/glance-api.conf <<EOF
[DEFAULT]
enabled_backends = fs:file
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = /var/lib/glance/images/
[database]
connection = $DBURL/glance
$(authtoken glance)
[paste_deploy]
flavor = keystone
[oslo_concurrency]
lock_path = /var/lib/glance/tmp
EOF
  mkdir -p /var/lib/glance/images /var/lib/glance/tmp && chown -R glance:glance /var/lib/glance
  mkdb glance
  timed "glance db_sync" as glance glance-manage db_sync > $LOG/glance-manage.log 2>&1
  uwsgi_api glance-api glance 9292 /usr/bin/glance-wsgi-api 1 4
  timed "glance api start" wait_http http://127.0.0.1:9292/ 120 glance-api
}

# ---------------------------------------------------------------- placement
phase_placement() {
  backup_conf /etc/placement/placement.conf
  cat > /etc/placement/placement.conf <<EOF
[DEFAULT]
[api]
auth_strategy = keystone
[placement_database]
connection = $DBURL/placement
$(authtoken placement)
EOF
  mkdb placement
  timed "placement db sync" as placement placement-manage db sync > $LOG/placement-manage.log 2>&1
  uwsgi_api placement-api placement 8778 /usr/bin/placement-api 1 4
  timed "placement api start" wait_http http://127.0.0.1:8778/ 120 placement-api
}

# ---------------------------------------------------------------- nova
nova_conf() {
  backup_conf /etc/nova/nova.conf
  cat > /etc/nova/nova.conf <<EOF
[DEFAULT]
transport_url = $RABBIT
my_ip = 127.0.0.1
state_path = /var/lib/nova
compute_driver = fake.FakeDriver
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
# fake hosts report every 10s, so they are seen quickly
report_interval = 10
[api]
auth_strategy = keystone
[api_database]
connection = $DBURL/nova_api
[database]
connection = $DBURL/nova
$(authtoken nova)
[service_user]
send_service_user_token = true
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = nova
password = $PW
[placement]
region_name = RegionOne
auth_url = $KS/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = placement
password = $PW
[neutron]
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = RegionOne
project_name = service
username = neutron
password = $PW
[cinder]
os_region_name = RegionOne
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = cinder
password = $PW
[glance]
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 10
[oslo_concurrency]
lock_path = /var/lib/nova/tmp
[vnc]
# consoles: the fake driver answers remote-console requests; nothing serves the proxy URL
enabled = true
server_listen = 127.0.0.1
server_proxyclient_address = 127.0.0.1
novncproxy_base_url = http://127.0.0.1:6080/vnc_auto.html
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
EOF
  mkdir -p /var/lib/nova/tmp /var/lib/nova/instances && chown -R nova:nova /var/lib/nova
}
nova_db() {
  as nova nova-manage api_db sync
  as nova nova-manage cell_v2 map_cell0 --database_connection $DBURL/nova_cell0 || true
  as nova nova-manage cell_v2 list_cells | grep -q ' cell1 ' || as nova nova-manage cell_v2 create_cell --name=cell1 --verbose
  as nova nova-manage db sync
}
phase_nova() {
  nova_conf
  mkdb nova_api nova nova_cell0
  timed "nova db sync (api,cell0,cell1)" nova_db > $LOG/nova-manage.log 2>&1
  uwsgi_api nova-api nova 8774 /usr/bin/nova-api-wsgi 2 1
  daemon nova-conductor nova /usr/bin/nova-conductor --config-file /etc/nova/nova.conf
  daemon nova-scheduler nova /usr/bin/nova-scheduler --config-file /etc/nova/nova.conf
  local i
  for ((i = 1; i <= NCOMPUTE; i++)); do
    printf '[DEFAULT]\nhost = fake-%s\n' $i > $ETC/nova-compute-fake-$i.conf
    daemon nova-compute-fake-$i nova /usr/bin/python3 -c 'import sys; from nova.cmd.compute import main; sys.argv[0]="nova-compute"; sys.exit(main())' \
      --config-file /etc/nova/nova.conf --config-file $ETC/nova-compute-fake-$i.conf
  done
  timed "nova api start" wait_http http://127.0.0.1:8774/ 120 nova-api
  . $P/admin-openrc
  # wait for the fake computes to register, then map them into cell1
  local t0; t0=$(ts)
  for ((i = 0; i < 120; i++)); do
    [[ $(osc compute service list --service nova-compute -f value -c State 2>/dev/null | grep -c up) -ge $NCOMPUTE ]] && break
    sleep 2
  done
  printf '%-34s %7.1fs\n' "nova-compute x$NCOMPUTE up" "$(echo "$(ts) - $t0" | bc)" | tee -a $TIMINGS
  timed "nova discover_hosts" as nova nova-manage cell_v2 discover_hosts --verbose >> $LOG/nova-manage.log 2>&1
  osc flavor show m1.tiny >/dev/null 2>&1 || osc flavor create --vcpus 1 --ram 512 --disk 1 m1.tiny >/dev/null
  osc flavor show m1.small >/dev/null 2>&1 || osc flavor create --vcpus 1 --ram 2048 --disk 20 m1.small >/dev/null
}

# ---------------------------------------------------------------- neutron
phase_neutron() {
  backup_conf /etc/neutron/neutron.conf /etc/neutron/plugins/ml2/ml2_conf.ini
  cat > /etc/neutron/neutron.conf <<EOF
[DEFAULT]
core_plugin = ml2
service_plugins = router
auth_strategy = keystone
transport_url = $RABBIT
bind_host = 127.0.0.1
bind_port = 9696
api_workers = 1
rpc_workers = 1
rpc_state_report_workers = 1
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
allow_overlapping_ips = true
state_path = /var/lib/neutron
[experimental]
# Zed marks the linuxbridge mechanism driver experimental; without this neutron-server exits
linuxbridge = true
[database]
connection = $DBURL/neutron
$(authtoken neutron)
[nova]
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = RegionOne
project_name = service
username = nova
password = $PW
[oslo_concurrency]
lock_path = /var/lib/neutron/tmp
EOF
  mkdir -p /etc/neutron/plugins/ml2
  cat > /etc/neutron/plugins/ml2/ml2_conf.ini <<EOF
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = linuxbridge
extension_drivers = port_security
[ml2_type_flat]
flat_networks = physnet1
[ml2_type_vlan]
network_vlan_ranges = physnet1:100:200
[ml2_type_vxlan]
vni_ranges = 1:1000
[securitygroup]
enable_security_group = true
firewall_driver = iptables
EOF
  mkdir -p /var/lib/neutron/tmp && chown -R neutron:neutron /var/lib/neutron
  mkdb neutron
  timed "neutron db upgrade" as neutron neutron-db-manage --config-file /etc/neutron/neutron.conf \
    --config-file /etc/neutron/plugins/ml2/ml2_conf.ini upgrade heads > $LOG/neutron-manage.log 2>&1
  daemon neutron-server neutron /usr/bin/neutron-server --config-file /etc/neutron/neutron.conf \
    --config-file /etc/neutron/plugins/ml2/ml2_conf.ini
  timed "neutron server start" wait_http http://127.0.0.1:9696/ 180 neutron-server
  # "agents" for the fake compute hosts: heartbeats over the real RPC API so ML2/linuxbridge can bind ports
  daemon neutron-fake-agents neutron /usr/bin/python3 $HERE/fake_lb_agents.py $NCOMPUTE --config-file /etc/neutron/neutron.conf
}

# ---------------------------------------------------------------- cinder
phase_cinder() {
  backup_conf /etc/cinder/cinder.conf
  cat > /etc/cinder/cinder.conf <<EOF
[DEFAULT]
transport_url = $RABBIT
auth_strategy = keystone
my_ip = 127.0.0.1
state_path = /var/lib/cinder
enabled_backends = fake
glance_api_servers = http://127.0.0.1:9292
osapi_volume_workers = 1
[database]
connection = $DBURL/cinder
$(authtoken cinder)
[nova]
auth_url = $KS
auth_type = password
project_domain_name = Default
user_domain_name = Default
region_name = RegionOne
project_name = service
username = nova
password = $PW
[oslo_concurrency]
lock_path = /var/lib/cinder/tmp
[fake]
# test driver shipped in python3-cinder: "logs calls instead of executing"
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
EOF
  mkdir -p /var/lib/cinder/tmp && chown -R cinder:cinder /var/lib/cinder
  mkdb cinder
  timed "cinder db sync" as cinder cinder-manage db sync > $LOG/cinder-manage.log 2>&1
  uwsgi_api cinder-api cinder 8776 /usr/bin/cinder-wsgi 1 4
  daemon cinder-scheduler cinder /usr/bin/cinder-scheduler --config-file /etc/cinder/cinder.conf
  daemon cinder-volume cinder /usr/bin/cinder-volume --config-file /etc/cinder/cinder.conf
  timed "cinder api start" wait_http http://127.0.0.1:8776/ 120 cinder-api
  . $P/admin-openrc
  osc volume type show fake >/dev/null 2>&1 || osc volume type create --property volume_backend_name=fake fake >/dev/null
}

PHASES=("$@")
[[ ${#PHASES[@]} -gt 0 ]] || PHASES=(install infra keystone glance placement nova neutron cinder)
echo "=== up.sh $(date -Is) phases: ${PHASES[*]}" >> $TIMINGS
T0=$(ts)
for ph in "${PHASES[@]}"; do log "### phase $ph"; "phase_$ph"; done
printf '%-34s %7.1fs\n' "TOTAL (${PHASES[*]})" "$(echo "$(ts) - $T0" | bc)" | tee -a $TIMINGS
