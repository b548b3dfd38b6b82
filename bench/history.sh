#!/usr/bin/env bash
# Supervision and audit reads on a long history, in one command: builds what it needs (no tests),
# creates a fresh database with the application's own migrations (Relais started once on it), fills
# it with [count] historical reports over two years (5,000,000 by default) and what the supervision
# and audit calls read of them, starts Relais on it, measures every call and prints the table (also
# bench/target/history-results.md). More arguments go to fr.relais.bench.HistoryBench, e.g.
#   bench/history.sh 1000000 calls=200 buffer-pool=4G keep=true
#   bench/history.sh database=relais_history_1764... only=audit     # measure a kept history again
# Database: BENCH_DB_URL / BENCH_DB_USER / BENCH_DB_PASSWORD, else RELAIS_TEST_DB_URL / _USER /
# _PASSWORD (an administrator's account), else an embedded MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  args=("count=$1" "${@:2}")
fi
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests -pl bench -am package
fi
exec java -Drelais.runtime.dir=launcher/target/runtime -Drelais.war=web/target/relais.war \
  -Drelais.build.dir=bench/target -cp "bench/target/relais-bench.jar:bench/target/lib/*" \
  fr.relais.bench.HistoryBench "${args[@]}"
