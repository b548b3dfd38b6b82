#!/usr/bin/env bash
# The load harness in one command: builds what it needs (no tests), then starts Relais on a fresh
# database, drives complete lifecycles, measures the database's ceiling and prints the tables
# (also written to bench/target/bench-results.md). Arguments go to fr.relais.bench.Bench, e.g.
#   bench/run.sh threads=32 warmup=10 duration=60
# Database: BENCH_DB_URL / BENCH_DB_USER / BENCH_DB_PASSWORD, else RELAIS_TEST_DB_URL / _USER /
# _PASSWORD (an administrator's account, e.g. jdbc:mariadb://127.0.0.1:3306/ root), else an
# embedded MariaDB. SKIP_BUILD=1: use what is built (bench/all.sh builds once). JVM_ARGS: more options for the server's JVM (e.g. -XX:StartFlightRecording=...).
# instances=2: the scale-out run instead (fr.relais.bench.ScaleOutBench): one instance, then two
# clustered on the same database, side by side, then one of them killed under load, e.g.
#   bench/run.sh instances=2 threads=32 duration=60 job-lock=60
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests -pl bench -am package
fi
main=fr.relais.bench.Bench
for arg in "$@"; do
  case "$arg" in
    instances=1) echo "instances=1 is the default run; drop the argument" >&2; exit 2 ;;
    instances=*) main=fr.relais.bench.ScaleOutBench ;;
  esac
done
exec java -Drelais.runtime.dir=launcher/target/runtime -Drelais.war=web/target/relais.war \
  -Drelais.build.dir=bench/target -cp "bench/target/relais-bench.jar:bench/target/lib/*" \
  "$main" "$@"
