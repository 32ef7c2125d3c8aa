#!/usr/bin/env bash
# The whole check, in the order that fails fastest: static checks, then the database tests on both
# databases, then the production build and the browser and server specs that need it.
set -euo pipefail

cd "$(dirname "$0")/.."
export TZ=UTC
export NEXT_TELEMETRY_DISABLED=1

started=$SECONDS
current=''
passed=()

summary() {
  local status=$?
  local total=$((SECONDS - started))
  echo
  local steps
  steps=$(IFS=','; echo "${passed[*]:-none}")
  if [[ $status -eq 0 ]]; then
    echo "TEST SUMMARY: PASS in ${total}s (${steps//,/, })"
  else
    echo "TEST SUMMARY: FAIL at ${current} after ${total}s (passed: ${steps//,/, })"
  fi
}
trap summary EXIT

step() {
  current=$1
  shift
  local step_started=$SECONDS
  echo
  echo "==> ${current}: $*"
  "$@"
  echo "==> ${current} passed in $((SECONDS - step_started))s"
  passed+=("${current} $((SECONDS - step_started))s")
}

step lint npm run lint
step typecheck npm run typecheck
step unit-and-integration-pglite npm run test:unit
step integration-postgres npm run test:pg
step build npm run build
step e2e npm run test:e2e
