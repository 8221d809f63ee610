#!/usr/bin/env bash
# CTest wrapper for desktop-file-validate / appstreamcli: looks the tool up when the test runs (so installing
# it later needs no reconfigure) and fails with a clear message, not a silent skip, when it is missing.
# Usage: run_validator.sh <tool> <debian-package> <tool arguments...>
set -euo pipefail
tool="$1"
package="$2"
shift 2
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: '$tool' not found; install the Debian package '$package' (bash packaging/dev.sh installs it)" >&2
    exit 1
fi
exec "$tool" "$@"
