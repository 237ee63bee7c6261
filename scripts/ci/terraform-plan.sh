#!/usr/bin/env bash
# Plans one synthesized environment stack and saves everything the pipeline needs.
#
#   scripts/ci/terraform-plan.sh <stack-dir> <out-dir> [extra terraform plan args...]
#
# Writes <out-dir>/plan.tfplan (the saved plan that apply must use), plan.json
# (`terraform show -json`), plan.txt (the human-readable plan), the provider lock
# file the plan was made with (apply runs in another job and must init the same
# providers) and exitcode. Exits with terraform plan's own status, so
# `-detailed-exitcode` works: 0 no changes, 2 changes, 1 error; exitcode records
# it, or the failure of any earlier step, for the jobs that read the artifacts.
#
# The managed-apps guard reads the stack's own last-applied state, which does not
# exist before the first apply; only then is `-var first_apply=true` passed. An
# empty `terraform state pull` (or, on remote backends, a document that was never
# persisted) is the one reliable sign of an empty state: passing the flag on an
# applied environment would switch the guard off.
#
# In GitHub Actions the stack's backend must keep durable, shared, locked state
# (scripts/ci/check-backend.ts): on `local`, every CI plan would see an empty state.
#
# Plans run with -lock=false: a plan never writes state, so taking the lock would only make PR,
# drift and apply-time plans queue behind each other and behind applies, and would need write
# access to the backend. Apply stays safe: Terraform refuses a saved plan whose state changed.
#
# TERRAFORM_ONLY=1 runs terraform and nothing else: no node, no node_modules. The plan job of
# plan-stacks.yml, which holds the Okta credentials, sets it; its unprivileged jobs run the two
# node checks instead (check-backend.ts before, on the synthesized stacks; check-plan.ts after, on
# the uploaded plan.json). Without it (local runs, tests) both checks run here, as before.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: $0 <stack-dir> <out-dir> [extra terraform plan args...]" >&2
  exit 64
fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
stack=$1
out=$2
shift 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
trap 'echo "$?" >"$out/exitcode"' EXIT

terraform_only=${TERRAFORM_ONLY:-}

# In GitHub Actions, a backend without durable, shared, locked state is refused before init.
if [ "$terraform_only" != 1 ]; then
  "$repo/node_modules/.bin/tsx" "$repo/scripts/ci/check-backend.ts" "$stack"
fi
terraform -chdir="$stack" init -input=false -no-color >&2
cp "$stack/.terraform.lock.hcl" "$out/.terraform.lock.hcl" 2>/dev/null || true

state=$(terraform -chdir="$stack" state pull)
first_apply=()
# A local backend without a state prints nothing; remote ones (pg, for one) print an empty
# document that was never persisted: serial 0 and no lineage. Both mean "no state yet", and
# reading such a state through terraform_remote_state fails ("No stored state was found").
never_persisted() { grep -q '"lineage": *""' <<<"$1" && grep -q '"serial": *0,' <<<"$1"; }
if [ -z "${state//[[:space:]]/}" ] || never_persisted "$state"; then
  echo "terraform-plan: $stack has no state yet: planning its first apply (-var first_apply=true)" >&2
  first_apply=(-var first_apply=true)
fi

status=0
terraform -chdir="$stack" plan -input=false -no-color -lock=false \
  -out="$out/plan.tfplan" "${first_apply[@]}" "$@" >"$out/plan.log" || status=$?
cat "$out/plan.log" >&2
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  exit "$status"
fi

terraform -chdir="$stack" show -json "$out/plan.tfplan" >"$out/plan.json"
terraform -chdir="$stack" show -no-color "$out/plan.tfplan" >"$out/plan.txt"
# A change the provider would report as applied without making it (removing an org-server
# groups claim) fails the plan here, with the steps to make it by hand.
if [ "$status" -eq 2 ] && [ "$terraform_only" != 1 ]; then
  "$repo/node_modules/.bin/tsx" "$repo/cli/check-plan.ts" "$out/plan.json" >&2 || exit 1
fi
exit "$status"
