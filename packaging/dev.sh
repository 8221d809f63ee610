#!/usr/bin/env bash
# Set-up, build and run on Debian 12, from nothing: `bash packaging/dev.sh run` or `bash packaging/dev.sh test`
# (as root or with sudo: missing Debian packages are installed first).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${MEMSCOPE_BUILD_DIR:-$here/build}"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    libsqlite3-dev libhnswlib-dev libcurl4-openssl-dev nlohmann-json3-dev qtkeychain-qt6-dev
    qt6-svg-dev desktop-file-utils appstream dpkg-dev file
)

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_and_build() {
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMEMSCOPE_WERROR=ON >/dev/null
    cmake --build "$build" --parallel "$(nproc)"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
test)
    install_packages
    configure_and_build
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 900
    ;;
run)
    install_packages
    configure_and_build
    cli="$build/app/cli/memscope-cli"
    # The default store lives in the user's data folder; a first run fills it with the demo history.
    total=$("$cli" stats --json | sed -n 's/^  "total": \([0-9]*\).*/\1/p')
    if [ "${total:-0}" -eq 0 ]; then
        "$cli" demo --records 5000
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        shot="$build/memscope-window.png"
        echo "No display here: rendering the window to $shot instead (set DISPLAY, or use xvfb-run)."
        QT_QPA_PLATFORM=offscreen "$build/app/gui/memscope" --screenshot "$shot"
        exit 0
    fi
    exec "$build/app/gui/memscope" "$@"
    ;;
*)
    echo "usage: bash packaging/dev.sh run|test" >&2
    exit 2
    ;;
esac
