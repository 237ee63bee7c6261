#!/usr/bin/env bash
# Renders one environment's comment from the plan artifacts of its stacks.
#
#   scripts/ci/render-comment.sh <environment> <purpose> <plans-dir> <out-file> [pr-summary args...]
#
# <plans-dir> holds one folder per stack (<plans-dir>/<stack>/), as scripts/ci/terraform-plan.sh
# left it. A stack whose plan failed has no plan.json: the comment then says so for that stack
# instead of failing again, so the pull request always learns what happened. Pass --affected so
# that stacks whose job never uploaded anything are listed too, with what was skipped.
set -euo pipefail

if [ "$#" -lt 4 ]; then
  echo "usage: $0 <environment> <plan|apply|drift> <plans-dir> <out-file> [pr-summary args...]" >&2
  exit 64
fi
environment=$1 purpose=$2 plans_dir=$3 out=$4
shift 4

plan_args=()
for dir in "$plans_dir"/"$environment"--*/; do
  [ -d "$dir" ] || continue
  stack=$(basename "$dir")
  if [ -s "$dir/plan.json" ]; then
    plan_args+=(--plan "$stack=$dir/plan.json" --plan-text "$stack=$dir/plan.txt")
  else
    plan_args+=(--plan-failed "$stack")
  fi
done
npm run --silent pr-summary -- --environment "$environment" --purpose "$purpose" --out "$out" "${plan_args[@]}" "$@"
