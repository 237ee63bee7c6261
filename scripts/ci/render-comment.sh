#!/usr/bin/env bash
# Renders one environment's comment from what scripts/ci/terraform-plan.sh left in <plan-dir>.
#
#   scripts/ci/render-comment.sh <environment> <purpose> <plan-dir> <out-file> [pr-summary args...]
#
# When the plan failed there is no plan.json: the comment then says so instead of failing
# again, so the pull request always learns what happened.
set -euo pipefail

if [ "$#" -lt 4 ]; then
  echo "usage: $0 <environment> <plan|apply|drift> <plan-dir> <out-file> [pr-summary args...]" >&2
  exit 64
fi
environment=$1 purpose=$2 plan_dir=$3 out=$4
shift 4

if [ -s "$plan_dir/plan.json" ]; then
  plan_args=(--plan "$plan_dir/plan.json" --plan-text "$plan_dir/plan.txt")
else
  plan_args=(--plan-skipped "terraform plan failed before producing a plan; the job log says why (the managed-apps guard, for one, stops the plan there)")
fi
npm run --silent pr-summary -- --environment "$environment" --purpose "$purpose" --out "$out" "${plan_args[@]}" "$@"
