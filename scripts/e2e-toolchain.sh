#!/usr/bin/env bash
# Provision an offline Terraform + okta/okta 4.20.0 toolchain for the e2e tests.
# With internet access none of this is needed: `terraform init` installs okta/okta 4.20.0
# from the registry (run the suite with E2E_PROVIDER=registry).
#
#   scripts/e2e-toolchain.sh              build/verify, then print the env lines
#   scripts/e2e-toolchain.sh --print-env  build if needed, print only the env lines
#   scripts/e2e-toolchain.sh --terraform-only
#                                         only Terraform (for .ci/run's real-Terraform
#                                         tests): print the PATH line
#
# Only the `export ...` lines go to stdout; logs go to stderr. Exit 3: no provider source found. `eval "$(...)"`
# hides a failure (eval of "" succeeds), so callers should do:
#   env_lines=$(scripts/e2e-toolchain.sh --print-env) && eval "$env_lines"
#
# Everything is cached under $E2E_TOOLCHAIN_DIR, so repeat runs are ~instant.
set -euo pipefail

CACHE=${E2E_TOOLCHAIN_DIR:-$HOME/.cache/okta-allowlists-e2e}
TF_MIN=1.7.0 # `removed` blocks first appeared in 1.7
# v1.8+ cannot be `go install`ed: its go.mod has replace directives. 1.7.5 builds
# (~3 min on 2 cores); 1.6.6 is the last resort and lacks `removed` blocks.
TF_GO_VERSIONS=(v1.7.5 v1.6.6)
OKTA_VERSION=4.20.0

mode=${1:-}
case "$mode" in "" | --print-env | --terraform-only) ;; *) echo "usage: $0 [--print-env | --terraform-only]" >&2; exit 2 ;; esac

log() { echo "e2e-toolchain: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
# An empty CLI config keeps whatever TF_CLI_CONFIG_FILE the caller has from
# adding warnings; CHECKPOINT_DISABLE stops the update check from calling out.
tf_version() {
  TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1 "$1" version -json 2>/dev/null |
    sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p'
}

mkdir -p "$CACHE/bin"
exec 9>"$CACHE/.lock"
flock 9 # two concurrent runs must not build into the same place
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-trimpath" # no local paths baked in
goinstall() { # goinstall DEST_DIR LDFLAGS PKG@VERSION
  local tmp rc=0
  # nice + -p 1: the machine's 2 cores are shared with other work.
  tmp=$(mktemp -d "$CACHE/build.XXXXXX")
  # Building into a scratch GOBIN and moving afterwards means an interrupted
  # build never leaves a half-written binary that a later run would trust.
  GOBIN=$tmp nice -n 10 go install -p 1 -ldflags "$2" "$3" >&2 || rc=$?
  if [ "$rc" = 0 ]; then mkdir -p "$1" && mv "$tmp"/* "$1"/; fi
  rm -rf "$tmp"
  return "$rc"
}

# --- Terraform: prefer the one on PATH, else our cached build, else build one.
TF=""
sys_tf=$(command -v terraform || true)
if [ -n "$sys_tf" ] && version_ge "$(tf_version "$sys_tf")" "$TF_MIN"; then
  TF=$sys_tf
elif [ -x "$CACHE/bin/terraform" ]; then
  TF=$CACHE/bin/terraform
else
  log "no terraform >= $TF_MIN on PATH; building one (slow, once)"
  for v in "${TF_GO_VERSIONS[@]}"; do
    # version.dev=no drops the "-dev" suffix that a plain go build reports.
    if goinstall "$CACHE/bin" "-X github.com/hashicorp/terraform/version.dev=no" \
      "github.com/hashicorp/terraform@$v"; then
      TF=$CACHE/bin/terraform
      break
    fi
    log "terraform $v failed to build; trying the next version"
  done
  [ -n "$TF" ] || die "could not build terraform (tried ${TF_GO_VERSIONS[*]})"
fi
TF_VERSION=$(tf_version "$TF")
version_ge "$TF_VERSION" "$TF_MIN" || log "WARNING: terraform $TF_VERSION < $TF_MIN: no \`removed\` blocks"
log "terraform $TF_VERSION at $TF"
if [ "$mode" = --terraform-only ]; then
  # shellcheck disable=SC2016 # $PATH is for the caller's eval to expand
  printf 'export PATH=%q:"$PATH"\n' "$(dirname "$TF")"
  exit 0
fi

# --- okta provider 4.20.0, in the "unpacked" filesystem-mirror layout terraform expects.
# Sources, first match wins:
#   OKTA_PROVIDER_BINARY  a prebuilt terraform-provider-okta_v4.20.0 for this platform;
#   OKTA_PROVIDER_SOURCE  the provider's source archive (tag v4.20.0), checked against the
#                         SHA256SUMS file beside it and built once, cached by the archive's hash;
#   the workplace copy of that archive: ../shared/vendor/ beside this checkout, else
#   /work/shared/vendor/ (where a fresh clone in a temp folder finds it).
# The Go module proxy does not serve the provider module itself, only its dependencies.
PLATFORM=$(go env GOOS 2>/dev/null || echo linux)_$(go env GOARCH 2>/dev/null || echo amd64)
ARCHIVE_NAME=terraform-provider-okta-$OKTA_VERSION.tar.gz
REPO=$(cd "$(dirname "$0")/.." && pwd)
find_archive() {
  if [ -n "${OKTA_PROVIDER_SOURCE:-}" ]; then
    [ -f "$OKTA_PROVIDER_SOURCE" ] || die "OKTA_PROVIDER_SOURCE=$OKTA_PROVIDER_SOURCE is not a file"
    echo "$OKTA_PROVIDER_SOURCE"
    return
  fi
  local candidate
  for candidate in "$REPO/../shared/vendor/$ARCHIVE_NAME" "/work/shared/vendor/$ARCHIVE_NAME"; do
    if [ -f "$candidate" ]; then echo "$candidate"; return; fi
  done
}
# The archive's hash must be listed in SHA256SUMS beside it: a swapped or truncated archive
# never reaches the build, and the cache key below is the verified hash.
verified_hash() { # verified_hash ARCHIVE
  local dir sums actual expected
  dir=$(dirname "$1")
  sums=$dir/SHA256SUMS
  [ -f "$sums" ] || die "no SHA256SUMS beside $1: cannot verify the provider source"
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  expected=$(awk -v name="$(basename "$1")" '$2 == name || $2 == "*" name { print $1 }' "$sums")
  [ -n "$expected" ] || die "$sums does not list $(basename "$1")"
  [ "$actual" = "$expected" ] || die "sha256 of $1 is $actual, but $sums says $expected: refusing to build it"
  echo "$actual"
}

if [ -n "${OKTA_PROVIDER_BINARY:-}" ]; then
  [ -x "$OKTA_PROVIDER_BINARY" ] || die "OKTA_PROVIDER_BINARY=$OKTA_PROVIDER_BINARY is not an executable file"
  MIRROR=$CACHE/prebuilt/mirror
  PROV_DIR=$MIRROR/registry.terraform.io/okta/okta/$OKTA_VERSION/$PLATFORM
  PROV_BIN=$PROV_DIR/terraform-provider-okta_v$OKTA_VERSION
  mkdir -p "$PROV_DIR"
  cp "$OKTA_PROVIDER_BINARY" "$PROV_BIN.tmp" && mv "$PROV_BIN.tmp" "$PROV_BIN"
else
  ARCHIVE=$(find_archive)
  if [ -z "$ARCHIVE" ]; then
    log "ERROR: no okta provider source: set OKTA_PROVIDER_SOURCE to $ARCHIVE_NAME (with SHA256SUMS beside it) or OKTA_PROVIDER_BINARY to a prebuilt provider"
    exit 3 # distinct from a failed build: callers may skip the suite on a machine without the source
  fi
  HASH=$(verified_hash "$ARCHIVE")
  MIRROR=$CACHE/providers/$HASH/mirror
  PROV_DIR=$MIRROR/registry.terraform.io/okta/okta/$OKTA_VERSION/$PLATFORM
  PROV_BIN=$PROV_DIR/terraform-provider-okta_v$OKTA_VERSION
  if [ ! -x "$PROV_BIN" ]; then
    log "building okta provider $OKTA_VERSION from $ARCHIVE (sha256 $HASH; slow, once)"
    src=$(mktemp -d "$CACHE/src.XXXXXX")
    tar -xzf "$ARCHIVE" -C "$src"
    top=$(find "$src" -mindepth 1 -maxdepth 1 -type d | head -n1)
    # Built into a scratch file and moved: an interrupted build never leaves a binary a later run trusts.
    if (cd "$top" && nice -n 10 go build -p 1 -ldflags "-X main.version=$OKTA_VERSION" -o "$src/provider" . >&2); then
      mkdir -p "$PROV_DIR" && mv "$src/provider" "$PROV_BIN"
    fi
    rm -rf "$src"
    [ -x "$PROV_BIN" ] || die "could not build the okta provider from $ARCHIVE (see the go error above)"
  fi
fi
log "okta provider at $PROV_BIN"

# okta comes only from the mirror, so init never needs the registry for it;
# other providers still resolve normally.
cat >"$CACHE/terraform.rc" <<EOF
disable_checkpoint = true
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.terraform.io/okta/okta"]
  }
  direct {
    exclude = ["registry.terraform.io/okta/okta"]
  }
}
EOF

# --- Verify once per (terraform, provider) pair: offline init + schema load.
stamp="$TF $TF_VERSION $PROV_BIN $(stat -c '%s %Y' "$PROV_BIN")"
if [ -z "$mode" ] && [ "$(cat "$CACHE/.verified" 2>/dev/null)" != "$stamp" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cat >"$work/main.tf.json" <<EOF
{"terraform":{"required_providers":{"okta":{"source":"okta/okta","version":"$OKTA_VERSION"}}},
 "provider":{"okta":{"org_name":"x","base_url":"example.com","api_token":"x"}}}
EOF
  # One && chain: `set -e` is off inside a command whose status `||` tests.
  (cd "$work" && export TF_CLI_CONFIG_FILE=$CACHE/terraform.rc &&
    "$TF" init -input=false -no-color >&2 &&
    "$TF" providers schema -json >schema.json) || die "verification failed"
  # Via a file, not a pipe: head closing early would SIGPIPE terraform.
  head -c 300 "$work/schema.json" >&2 && echo >&2
  echo "$stamp" >"$CACHE/.verified"
  log "verified: offline init and provider schema OK"
fi

printf 'export TF_CLI_CONFIG_FILE=%q\n' "$CACHE/terraform.rc"
# shellcheck disable=SC2016 # $PATH is for the caller's eval to expand
printf 'export PATH=%q:"$PATH"\n' "$(dirname "$TF")"
