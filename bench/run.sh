#!/usr/bin/env bash
# The load harness in one command: builds what it needs (no tests), then starts Relais on a fresh
# database, drives complete lifecycles, measures the database's ceiling and prints the tables
# (also written to bench/target/bench-results.md). Arguments go to fr.relais.bench.Bench, e.g.
#   bench/run.sh threads=32 warmup=10 duration=60
# Database: BENCH_DB_URL / BENCH_DB_USER / BENCH_DB_PASSWORD, else RELAIS_TEST_DB_URL / _USER /
# _PASSWORD (an administrator's account, e.g. jdbc:mariadb://127.0.0.1:3306/ root), else an
# embedded MariaDB. JVM_ARGS: more options for the server's JVM (e.g. -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package
exec java -Drelais.runtime.dir=launcher/target/runtime -Drelais.war=web/target/relais.war \
  -Drelais.build.dir=bench/target -cp "bench/target/relais-bench.jar:bench/target/lib/*" \
  fr.relais.bench.Bench "$@"
