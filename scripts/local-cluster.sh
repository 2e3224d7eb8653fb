#!/usr/bin/env bash
# Several nodes on this machine, for trying a cluster out and for `npm run loadtest --url …`:
#   scripts/local-cluster.sh [NODES] [FIRST_PORT]        (defaults: 3 nodes from port 3101)
# Starts Redis (unless REDIS_URL is set), NODES nodes of the built server (npm run build) on
# DATABASE_URL (PostgreSQL) or else one SQLite file, and nginx in front with
# deploy/nginx/innspill.conf. Prints the addresses; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

nodes=${1:-3}
first=${2:-3101}
dir=$(mktemp -d /tmp/innspill-cluster-XXXX)
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ -z "${REDIS_URL:-}" ]; then
	redis_port=$((first + 99))
	redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir" --save '' --appendonly yes \
		>"$dir/redis.log" 2>&1 &
	pids+=($!)
	export REDIS_URL="redis://127.0.0.1:$redis_port"
fi
if [ -z "${DATABASE_URL:-}" ]; then export DATABASE_PATH="${DATABASE_PATH:-$dir/shared.sqlite}"; fi
# every simulated phone comes from 127.0.0.1: the per-address limits would measure the limiter
export RATE_ADDRESS_CONNECTS_PER_MINUTE=${RATE_ADDRESS_CONNECTS_PER_MINUTE:-1000000}
export RATE_ADDRESS_WRITES_PER_MINUTE=${RATE_ADDRESS_WRITES_PER_MINUTE:-1000000}
export RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE=${RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE:-1000000}
export TRUST_PROXY=1 HOST=127.0.0.1 PUBLIC_URL=

upstreams=""
urls=()
for i in $(seq 1 "$nodes"); do
	port=$((first + i - 1))
	NODE_ID="node-$i" PORT=$port node server.js >"$dir/node-$i.log" 2>&1 &
	pids+=($!)
	urls+=("http://127.0.0.1:$port")
	upstreams+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;\n"
	# the first node migrates the database before the others start
	until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
done

proxy_port=$((first + 98))
mkdir -p "$dir/nginx/logs"
sed -e "/server 127.0.0.1:300[23] /d" \
	-e "s|^    server 127.0.0.1:3001 .*|$upstreams|" \
	-e "s|listen 8080;|listen 127.0.0.1:$proxy_port;|" \
	deploy/nginx/innspill.conf >"$dir/nginx/innspill.conf"
cat >"$dir/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/body; proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi; uwsgi_temp_path $dir/nginx/uwsgi; scgi_temp_path $dir/nginx/scgi;
  include $dir/nginx/innspill.conf;
}
CONF
nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" &
pids+=($!)

echo "nodes:  $(IFS=,; echo "${urls[*]}")"
echo "proxy:  http://127.0.0.1:$proxy_port"
echo "redis:  $REDIS_URL   logs: $dir"
echo "e.g.    npm run loadtest -- --url $(IFS=,; echo "${urls[*]}") --clients 2000 --rate 50"
wait
