#!/usr/bin/env bash
# Build the Lambda artifact and CloudFormation template offline, then lint the template.
#
#   scripts/package.sh [extra osls args...]      e.g. scripts/package.sh --stage prod
#
# Environment:
#   CFN_LINT   path to cfn-lint (default: .venv/bin/cfn-lint)
#
# Idempotent: `npm ci` only runs when node_modules is missing or older than package-lock.json /
# package.json; Python wheels are cached in .requirements-cache/, osls' schema cache in .cache/.
# Needs no AWS account, credentials or network once the caches are warm: `osls package` makes no
# AWS call (checked with no credentials inside `unshare -n`), so no dummy credentials are set.
# Exits non-zero if packaging fails, the zip holds dev-only code (scripts/check_package.py) or cfn-lint
# reports an error (warnings are printed, not fatal).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CFN_LINT="${CFN_LINT:-$ROOT/.venv/bin/cfn-lint}"
TEMPLATE=".serverless/cloudformation-template-update-stack.json"
NPM_STAMP="node_modules/.taperline-npm-ci.stamp"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

if [[ ! -x "$CFN_LINT" ]]; then
  echo "package.sh: cfn-lint not found at $CFN_LINT (set CFN_LINT or create .venv)" >&2
  exit 1
fi
if [[ ! -f requirements.txt ]]; then
  echo "package.sh: requirements.txt missing at $ROOT" >&2
  exit 1
fi

# 1. Node toolchain (osls + plugins), pinned by package-lock.json.
if [[ ! -d node_modules || ! -f "$NPM_STAMP" || package-lock.json -nt "$NPM_STAMP" \
      || package.json -nt "$NPM_STAMP" ]]; then
  t=$(now)
  echo "==> npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$NPM_STAMP"
  echo "    npm ci: $(since "$t")"
else
  echo "==> node_modules up to date (npm ci skipped)"
fi

# 2. Package. osls' schema cache goes to .cache/ and pip's to .requirements-cache/ (both
#    git-ignored) instead of the home directory.
export SLS_SCHEMA_CACHE_BASE_DIR="$ROOT/.cache"
mkdir -p "$SLS_SCHEMA_CACHE_BASE_DIR"

t=$(now)
echo "==> osls package $*"
npx --no-install osls package "$@"
echo "    osls package: $(since "$t")"

# 3. Nothing dev-only in the artifact: no local/, tests/, bench/, scripts/, nor what only they use.
echo "==> dev-only code in .serverless/*.zip"
python3 -m scripts.check_package .serverless/*.zip

# 3b. The handlers load from a read-only unzip with the runtime's Python, compiling and writing nothing
#     (the zip carries unchecked-hash bytecode: infra/compile_bytecode.js).
t=$(now)
echo "==> handlers load from the unzipped artifact without compiling"
"$ROOT/.venv/bin/python" -m scripts.check_artifact_imports .serverless/taperline.zip \
  "python$(python3 -m scripts.runtime version)"
echo "    load check: $(since "$t")"
python3 -m scripts.check_template "$TEMPLATE" .serverless/taperline.zip

# 4. Lint the generated template (W3005 silenced in .cfnlintrc.yaml). cfn-lint exits with a
#    bitmask: 2 = error, 4 = warning, 8 = informational. Anything but warnings/informational
#    (errors, a crash, an unreadable template) fails the build.
t=$(now)
echo "==> cfn-lint $TEMPLATE"
set +e
"$CFN_LINT" "$TEMPLATE"
rc=$?
set -e
echo "    cfn-lint: $(since "$t") (exit $rc)"
if (( rc & ~12 )); then
  echo "package.sh: cfn-lint found errors" >&2
  exit "$rc"
fi
if (( rc & 4 )); then
  echo "package.sh: cfn-lint warnings above (not fatal)" >&2
fi

# 5. Sizes.
echo "==> artifacts"
for zip in .serverless/*.zip; do
  [[ -e "$zip" ]] || continue
  unzipped=$(python3 -c 'import sys, zipfile; print(sum(i.file_size for i in zipfile.ZipFile(sys.argv[1]).infolist()))' "$zip")
  printf '    %-40s %8s KiB zipped, %8s KiB unzipped\n' "$zip" \
    "$(( $(stat -c %s "$zip") / 1024 ))" "$(( unzipped / 1024 ))"
done
