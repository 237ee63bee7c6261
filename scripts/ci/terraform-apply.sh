#!/usr/bin/env bash
# Applies one stack's saved plan, retrying transient failures, and never applies anything that
# was not the reviewed plan or a part of it.
#
#   scripts/ci/terraform-apply.sh <stack-dir> <plan-dir>
#
# <plan-dir> is what scripts/ci/terraform-plan.sh left (plan.tfplan, plan.json, the lock file).
# A failure whose output shows a transient cause (Okta's 429 or a 5xx, a network error, the
# state lock held too long, a saved plan made stale by another apply) is retried up to
# APPLY_ATTEMPTS times in all (default 3), waiting APPLY_BACKOFF_SECONDS (default 30), then twice
# as long each time. A retry plans again (an apply that failed part-way leaves the saved plan
# stale) and applies the new plan only when every change it makes is one the reviewed plan made
# (cli: scripts/ci/plan-within.ts); otherwise it stops. Any other failure stops at once.
# Writes <plan-dir>/apply.log (the last attempt's output) and <plan-dir>/apply-exitcode.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 <stack-dir> <plan-dir>" >&2
  exit 64
fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
stack=$1
plans=$(cd "$2" && pwd)
attempts=${APPLY_ATTEMPTS:-3}
wait_seconds=${APPLY_BACKOFF_SECONDS:-30}
trap 'echo "$?" >"$plans/apply-exitcode"' EXIT

"$repo/node_modules/.bin/tsx" "$repo/scripts/ci/check-backend.ts" "$stack"
cp "$plans/.terraform.lock.hcl" "$stack/.terraform.lock.hcl" 2>/dev/null || true
terraform -chdir="$stack" init -input=false -no-color >&2

# Okta's rate limit and server errors as the provider reports them, network errors, and the
# state lock or a stale saved plan (another apply of the stack got there first). Provider 4.20.0
# never prints the status of a 429 or 5xx it gave up on, only Okta's errorSummary and "giving up
# after N attempt(s)", which its client says only after retrying a transient answer (the e2e
# suite, e2e/pipeline.e2e.test.ts). Only Terraform's "Error:" lines are read: a resource name or
# ID such as travel-503 elsewhere in the log is no cause.
TRANSIENT='giving up after [0-9]+ attempt|exceeded rate limit|Too Many Requests|\b(429|50[234])\b|Bad Gateway|Service Unavailable|Gateway Timeout|connection reset|i/o timeout|TLS handshake timeout|Error acquiring the state lock|Saved plan is stale'

plan_file="$plans/plan.tfplan"
for attempt in $(seq 1 "$attempts"); do
  status=0
  terraform -chdir="$stack" apply -input=false -no-color -lock-timeout=5m "$plan_file" >"$plans/apply.log" 2>&1 || status=$?
  cat "$plans/apply.log" >&2
  [ "$status" -eq 0 ] && exit 0
  errors=$(grep -E '^(│ )?Error: ' "$plans/apply.log" || true)
  if ! grep -Eq "$TRANSIENT" <<<"$errors"; then
    echo "terraform-apply: $stack failed (not a transient error); not retried" >&2
    exit "$status"
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    echo "terraform-apply: $stack still failing after $attempts attempts; giving up" >&2
    exit "$status"
  fi
  echo "terraform-apply: $stack failed with a transient error (attempt $attempt of $attempts); retrying in ${wait_seconds}s" >&2
  sleep "$wait_seconds"
  wait_seconds=$((wait_seconds * 2))
  # What is left to do, planned again; applied only when it is part of the reviewed plan.
  retry="$plans/retry-$attempt"
  plan_status=0
  "$repo/scripts/ci/terraform-plan.sh" "$stack" "$retry" -detailed-exitcode || plan_status=$?
  if [ "$plan_status" -eq 0 ]; then
    echo "terraform-apply: $stack has nothing left to apply" >&2
    exit 0
  fi
  [ "$plan_status" -eq 2 ] || exit "$plan_status"
  "$repo/node_modules/.bin/tsx" "$repo/scripts/ci/plan-within.ts" "$retry/plan.json" "$plans/plan.json" >&2
  plan_file="$retry/plan.tfplan"
done
