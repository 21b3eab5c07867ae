#!/usr/bin/env bash
# Checks the system packages the tests use and, as root on Debian, installs what is missing.
#
#   bash scripts/system-deps.sh
#
# - Debian's chromium (the browser tests; Playwright cannot download its own browsers here)
# - PostgreSQL 15 server, PostGIS and pgTAP for 15, pg_prove (scripts/test-postgres.sh)
# Fonts for Arabic script and Cyrillic in screenshots are optional: only a note when missing.
#
# Prints one line when everything is present. Otherwise, as root on Debian it runs
# `apt-get update` once and installs exactly the missing packages; anywhere else it names
# what is missing and how to install it, and exits 1.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PG_EXT=/usr/share/postgresql/15/extension

missing_packages=()
missing_files=()

need() {
	local package=$1 path=$2
	if [ ! -e "$path" ]; then
		missing_files+=("$path")
		case " ${missing_packages[*]-} " in
		*" $package "*) ;;
		*) missing_packages+=("$package") ;;
		esac
	fi
}

check() {
	missing_packages=()
	missing_files=()
	need chromium "${CHROMIUM_PATH:-/usr/bin/chromium}"
	need postgresql-15 "$PG_BIN/initdb"
	need postgresql-15 "$PG_BIN/pg_ctl"
	need postgresql-15 "$PG_BIN/postgres"
	need postgresql-client-15 /usr/bin/psql
	need postgresql-15-postgis-3 "$PG_EXT/postgis.control"
	need postgresql-15-pgtap "$PG_EXT/pgtap.control"
	need libtap-parser-sourcehandler-pgtap-perl /usr/bin/pg_prove
}

check

if [ "${#missing_packages[@]}" -gt 0 ] && [ -f /etc/debian_version ] && [ "$(id -u)" -eq 0 ]; then
	echo "system-deps: installing ${missing_packages[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
	check
fi

if [ "${#missing_packages[@]}" -gt 0 ]; then
	echo "system-deps: missing ${missing_files[*]}" >&2
	echo "system-deps: install the Debian packages: ${missing_packages[*]}" >&2
	echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing_packages[*]}" >&2
	echo "  (another system: a browser of the Chromium family at CHROMIUM_PATH, PostgreSQL 15 server" \
		"binaries in $PG_BIN with PostGIS 3 and pgTAP, and pg_prove)" >&2
	exit 1
fi

fonts=''
if command -v fc-list >/dev/null 2>&1; then
	fc-list :lang=ar family | grep -q . || fonts=' (note: no Arabic font for screenshots: fonts-noto-core)'
fi
echo "system-deps: chromium, PostgreSQL 15, PostGIS, pgTAP and pg_prove present$fonts"
