#!/usr/bin/env bash
# Several app nodes on one database behind nginx, on this machine: the way a county (or a province hosting its
# counties) runs the app on more than one node. Used by the multi-node tests; docs/operations.md shows the same
# layout for a real deployment.
#
#   tests/nodes.sh start N "Host=…;Port=…;Username=…;Password=…;Database=…" [PORT]
#       publishes the app once, starts node 1 (it migrates and seeds the demo counties), then nodes 2..N, each on
#       127.0.0.1:510i, and nginx on 127.0.0.1:PORT (default 8088) spreading requests over them. Prints the
#       nginx address. Each node's pid is in $SCA_NODES_DIR/node-i.pid, its log in node-i.log.
#   tests/nodes.sh stop
#
# Environment: SCA_NODES_DIR (default /tmp/sca-nodes); SCA_NODES_LEASE (seconds a node holds an import without
# renewing it; default 30, the tests use less so that a killed node's import is taken over sooner);
# SCA_NODES_POOL (connections each node may open, default 25: the nodes together stay under PostgreSQL's
# max_connections, 100 by default, so a burst waits for a connection instead of being refused by the server);
# SCA_NODES_ENVIRONMENT (default Staging, with the demo keys of docker-compose.yml; Development uses the
# development keys, as the CLI's bench-seed does); SCA_NODES_PUBLISH (the publish options; default "-c Release", the tests reuse their build with "-c Debug --no-build").
set -euo pipefail
dir=${SCA_NODES_DIR:-/tmp/sca-nodes}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

stop() {
  for pidfile in "$dir"/node-*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  if [ -f "$dir/nginx.pid" ]; then
    as_root nginx -c "$dir/nginx.conf" -s stop 2>/dev/null || true
  fi
}

wait_healthy() {
  for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$1/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "node on port $1 did not start; its log:" >&2
  tail -50 "$2" >&2
  return 1
}

start() {
  local n=$1 connection=$2 port=${3:-8088}
  stop
  mkdir -p "$dir"
  if ! command -v nginx >/dev/null; then
    echo "Installing nginx ..." >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nginx-light >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends nginx >/dev/null
  fi
  echo "Publishing the app ..." >&2
  # shellcheck disable=SC2086
  dotnet publish src/SocialCardAudit.Web ${SCA_NODES_PUBLISH:--c Release} -o "$dir/app" --nologo -v q >&2

  # The demo keys of docker-compose.yml; Development uses its own development keys, as the CLI's bench-seed does.
  local keys=()
  if [ "${SCA_NODES_ENVIRONMENT:-Staging}" != Development ]; then
    keys=(PersonalData__ActiveKeyId=1 PersonalData__Keys__1=ZGVtby1rZXktMS1kby1ub3QtdXNlLWZvci1yZWFsISE=
      PersonalData__IndexKey=ZGVtby1pbmRleC1rZXktZG8tbm90LXVzZS1mb3ItciE=)
  fi
  local upstream=""
  for i in $(seq 1 "$n"); do
    local node_port=$((5100 + i))
    # Node 1 migrates and seeds; the others start once it is up, as a rolling deployment would.
    ASPNETCORE_ENVIRONMENT="${SCA_NODES_ENVIRONMENT:-Staging}" \
    ASPNETCORE_URLS="http://127.0.0.1:$node_port" \
    Database__Provider=PostgreSql \
    ConnectionStrings__Default="$connection;Maximum Pool Size=${SCA_NODES_POOL:-25}" \
    Demo__Seed=$([ "$i" -eq 1 ] && echo true || echo false) \
    Imports__LeaseSeconds="${SCA_NODES_LEASE:-30}" \
    Logging__File__Path="$dir/node-$i-.log" \
      env "${keys[@]}" nohup dotnet "$dir/app/SocialCardAudit.Web.dll" --contentRoot "$dir/app" >"$dir/node-$i.log" 2>&1 &
    echo $! >"$dir/node-$i.pid"
    if [ "$i" -eq 1 ]; then wait_healthy "$node_port" "$dir/node-$i.log"; fi
    upstream+="    server 127.0.0.1:$node_port max_fails=1 fail_timeout=10s;"$'\n'
  done
  for i in $(seq 2 "$n"); do wait_healthy $((5100 + i)) "$dir/node-$i.log"; done

  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_max_body_size 250m;
  upstream sca {
$upstream  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://sca;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # An upload streams through to the node: nginx keeps no copy of a file of ID numbers on its disk.
      proxy_request_buffering off;
      proxy_read_timeout 300s;
      # A node that is down is skipped; a request a node had begun is not sent twice.
      proxy_next_upstream error timeout;
    }
  }
}
EOF
  as_root nginx -c "$dir/nginx.conf"
  wait_healthy "$port" "$dir/nginx-error.log"
  echo "http://127.0.0.1:$port"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) echo "usage: $0 start N CONNECTION [PORT] | stop" >&2; exit 2 ;;
esac
