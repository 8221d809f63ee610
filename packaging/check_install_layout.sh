#!/usr/bin/env bash
# CTest install_layout: installs the build tree into a scratch prefix and checks that every expected file
# landed where desktops and package managers look for it.
# Usage: check_install_layout.sh <cmake> <build-dir> <prefix> <relative path>...
# A path written as "path.png=WxH" must also be a PNG of that size.
set -euo pipefail
cmake="$1"
build="$2"
prefix="$3"
shift 3

rm -rf "$prefix"
"$cmake" --install "$build" --prefix "$prefix" >/dev/null

status=0
for spec in "$@"; do
    path="${spec%%=*}"
    file="$prefix/$path"
    if [ ! -f "$file" ]; then
        echo "missing: $path" >&2
        status=1
        continue
    fi
    if [ "$spec" != "$path" ]; then
        size="${spec#*=}"
        # PNG header: signature, IHDR length and type, then width and height as 32-bit big-endian.
        read -r w h < <(od -An -tu1 -j16 -N8 "$file" |
            awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
        if [ "$(head -c8 "$file" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ] || [ "${w}x${h}" != "$size" ]; then
            echo "not a ${size} PNG: $path (${w}x${h})" >&2
            status=1
        fi
    fi
    case "$path" in
    bin/* | */bin/*) [ -x "$file" ] || { echo "not executable: $path" >&2; status=1; } ;;
    esac
done
[ $status -eq 0 ] && echo "install layout OK: $# files under $prefix"
exit $status
