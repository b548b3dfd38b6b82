#!/usr/bin/env bash
# The whole harness in one command: builds once (no tests), then runs, each on a fresh database,
#   1. the load run of one instance            bench/run.sh              $LOAD_ARGS
#   2. the scale-out run (1 vs 2 instances,    bench/run.sh instances=2  $SCALEOUT_ARGS
#      then one killed under load)
#   3. the crash run, when the branch has it   bench/crash.sh            $CRASH_ARGS
#   4. the history run at a small size         bench/history.sh          ${HISTORY_ARGS:-20000 calls=10 warmup=2}
# and prints every table at the end (also in bench/target/all-results.md). A step that fails does
# not stop the others; the exit status says whether all succeeded. Database and JVM_ARGS as
# bench/run.sh. Example, shorter: LOAD_ARGS="threads=16 duration=30" SCALEOUT_ARGS="duration=30" bench/all.sh
set -uo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl bench -am package || exit 1
export SKIP_BUILD=1
results=bench/target/all-results.md
status=0
: > "$results.tmp"

step() { # title, results file, command...
  local title=$1 file=$2
  shift 2
  echo "=== $title: $*"
  rm -f "$file"
  if "$@"; then
    echo "=== $title: done"
  else
    echo "=== $title: FAILED (exit $?)"
    status=1
    printf '# %s: FAILED, see its output above\n\n' "$title" >> "$results.tmp"
  fi
  if [[ -f "$file" ]]; then
    { printf '# %s\n\n' "$title"; cat "$file"; printf '\n'; } >> "$results.tmp"
  fi
}

# shellcheck disable=SC2086 # the *_ARGS are lists of name=value words
step "Load, one instance" bench/target/bench-results.md bench/run.sh ${LOAD_ARGS:-}
# shellcheck disable=SC2086
step "Scale-out, two instances" bench/target/scaleout-results.md bench/run.sh instances=2 ${SCALEOUT_ARGS:-}
if [[ -x bench/crash.sh ]]; then
  # shellcheck disable=SC2086
  step "Crash" bench/target/crash-results.md bench/crash.sh ${CRASH_ARGS:-}
else
  echo "=== Crash: bench/crash.sh not on this branch, skipped"
fi
# shellcheck disable=SC2086
step "History (small)" bench/target/history-results.md bench/history.sh ${HISTORY_ARGS:-20000 calls=10 warmup=2}

mv "$results.tmp" "$results"
echo
echo "################ All tables (also in $results) ################"
echo
cat "$results"
exit $status
