#!/usr/bin/env bash
# Runs a command against the production build served the way README.md deploys it for tablets:
# `node scripts/start.js` on loopback (HOST=127.0.0.1, with its ORIGIN check) behind Debian's
# Caddy with `tls internal`, under the name shopwalk.test, through deploy/Caddyfile.lan itself.
#
#   bash scripts/with-https-proxy.sh npx playwright test --config tests/e2e-https/playwright.config.ts
#
# The command gets HTTPS_BASE_URL (https://shopwalk.test:<port>), HTTPS_APP_URL (the app itself,
# plain http under the same name: what a tablet gets without the proxy), HTTPS_CA_FILE (Caddy's
# root certificate), HTTPS_CHROMIUM_HOME (a HOME whose ~/.pki/nssdb trusts that root: Chromium
# reads its certificate trust there) and HTTPS_DATA_DIR. The name resolves to 127.0.0.1 only in
# the browser (--host-resolver-rules) and in curl (--resolve); nothing outside loopback is used.
# Needs caddy and certutil (Debian: caddy, libnss3-tools). Everything lives in one temporary
# folder, removed afterwards; only the processes started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

for tool in caddy certutil curl; do
	command -v "$tool" >/dev/null || {
		echo "with-https-proxy: $tool is missing (apt-get install caddy libnss3-tools curl)" >&2
		exit 1
	}
done

name=shopwalk.test
app_port=${HTTPS_APP_PORT:-4394}
https_port=${HTTPS_PORT:-4395}
http_port=${HTTPS_HTTP_PORT:-4396}
base="https://$name:$https_port"

work=$(mktemp -d "${TMPDIR:-/tmp}/shopwalk-https-XXXXXX")
app_pid=''
caddy_pid=''
cleanup() {
	[ -n "$caddy_pid" ] && kill "$caddy_pid" 2>/dev/null && wait "$caddy_pid" 2>/dev/null
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The app, as deployed: loopback only, the public https address, client addresses from Caddy.
mkdir -p "$work/data"
HOST=127.0.0.1 PORT=$app_port ORIGIN=$base ADDRESS_HEADER=x-forwarded-for XFF_DEPTH=1 \
	DATA_DIR="$work/data" node scripts/start.js >"$work/app.log" 2>&1 &
app_pid=$!

# Caddy with test-only global options (no admin endpoint, no system trust store, no port 80,
# loopback only, state in the temporary folder), then the deployment's own site block.
cat >"$work/Caddyfile" <<EOF
{
	admin off
	skip_install_trust
	default_bind 127.0.0.1
	http_port $http_port
	https_port $https_port
	storage file_system $work/caddy
}
import $root/deploy/Caddyfile.lan
EOF
SHOPWALK_SITE="$name:$https_port" SHOPWALK_UPSTREAM="127.0.0.1:$app_port" \
	XDG_DATA_HOME="$work/xdg-data" XDG_CONFIG_HOME="$work/xdg-config" HOME="$work" \
	caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
caddy_pid=$!

fail() {
	echo "with-https-proxy: $1" >&2
	echo "--- app log" >&2 && tail -n 40 "$work/app.log" >&2 || true
	echo "--- caddy log" >&2 && tail -n 20 "$work/caddy.log" >&2 || true
	exit 1
}

ca="$work/caddy/pki/authorities/local/root.crt"
for i in $(seq 1 300); do
	kill -0 "$app_pid" 2>/dev/null || fail "the app exited"
	kill -0 "$caddy_pid" 2>/dev/null || fail "caddy exited"
	if [ -f "$ca" ] &&
		curl -sf --cacert "$ca" --resolve "$name:$https_port:127.0.0.1" -o /dev/null "$base/shell"; then
		break
	fi
	[ "$i" = 300 ] && fail "$base/shell did not answer within 60 s"
	sleep 0.2
done

# Chromium trusts Caddy's root through an NSS database in a HOME of its own.
home="$work/chromium-home"
mkdir -p "$home/.pki/nssdb"
certutil -d "sql:$home/.pki/nssdb" -N --empty-password
certutil -d "sql:$home/.pki/nssdb" -A -t 'C,,' -n 'Caddy Local Authority (Shopwalk test lane)' -i "$ca"

echo "with-https-proxy: $base (app on 127.0.0.1:$app_port, Caddy tls internal)"
set +e
HTTPS_BASE_URL=$base HTTPS_APP_URL="http://$name:$app_port" HTTPS_CA_FILE=$ca HTTPS_CHROMIUM_HOME=$home HTTPS_DATA_DIR="$work/data" "$@"
status=$?
set -e
if [ "$status" != 0 ]; then
	echo "--- app log" >&2 && tail -n 40 "$work/app.log" >&2
fi
exit "$status"
