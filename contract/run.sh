#!/usr/bin/env bash
# The contract checks, each on a sandbox of its own started from the shipped seed-data/ and stopped after:
#   1. contract/sdk_test.py        — HighLevel's official Python SDK against the four emulated routes;
#   2. contract/run_schemathesis.py — schemathesis against the official OpenAPI document (corrected copy);
#   3. the README's pytest example (the python block after <!-- readme-pytest -->), exactly as written.
#
# Usage: contract/run.sh [PATH/TO/invoice-sandbox]
#   Without an argument the binary is built with `swift build --product invoice-sandbox`.
#   CONTRACT_VENV (default .build-contract/venv) holds the pinned packages of contract/requirements.txt;
#   CONTRACT_MAX_TIME (default 120) is schemathesis' time budget in seconds.
#   PYTHON (default python3) creates the venv: 3.11 or newer (schemathesis 4), with the venv module.
# Exit code 0 when every check passes. Needs ../shared/spec/ beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1 # no __pycache__ in contract/

binary="${1:-}"
if [ -z "$binary" ]; then
    swift build --product invoice-sandbox
    binary="$(swift build --show-bin-path)/invoice-sandbox"
fi

venv="${CONTRACT_VENV:-.build-contract/venv}"
if ! "${PYTHON:-python3}" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))'; then
    echo "contract: ${PYTHON:-python3} must be Python 3.11 or newer with venv (apt-get install python3-venv)" >&2
    exit 1
fi
if ! cmp -s contract/requirements.txt "$venv/requirements.txt"; then
    echo "contract: installing contract/requirements.txt into $venv"
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r contract/requirements.txt
    cp contract/requirements.txt "$venv/requirements.txt"
fi
python="$venv/bin/python"
logs="$(dirname "$venv")"

status=0
"$python" contract/with_sandbox.py --binary "$binary" --log "$logs/sdk-test-sandbox.log" -- \
    "$python" contract/sdk_test.py --base-url {url} || status=1
"$python" contract/with_sandbox.py --binary "$binary" --log "$logs/schemathesis-sandbox.log" -- \
    "$python" contract/run_schemathesis.py --base-url {url} --max-time "${CONTRACT_MAX_TIME:-120}" || status=1
readme_test="$logs/readme/test_invoices_client.py"
mkdir -p "$(dirname "$readme_test")"
"$python" - README.md "$readme_test" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
block = text.split("<!-- readme-pytest -->", 1)[1].split("```python\n", 1)[1].split("\n```", 1)[0]
open(sys.argv[2], "w", encoding="utf-8").write(block + "\n")
PY
"$python" contract/with_sandbox.py --binary "$binary" --log "$logs/readme-test-sandbox.log" -- \
    "$python" -m pytest -q -p no:cacheprovider "$readme_test" || status=1
exit "$status"
