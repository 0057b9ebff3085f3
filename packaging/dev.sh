#!/usr/bin/env bash
# The README's two commands. On Debian 12:
#   bash packaging/dev.sh run    install what is missing, build, start the app
#   bash packaging/dev.sh test   install what is missing, build, run the whole test suite
# Re-running with nothing changed takes seconds: packages are checked with dpkg, the build is
# incremental (Ninja + ccache).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-}"
shift || true
case "$mode" in
  run|test|build) ;;
  *) echo "usage: bash packaging/dev.sh run|test|build [app arguments]" >&2; exit 2 ;;
esac

# 1. System packages (one list, packaging/debian-packages.txt).
mapfile -t wanted < <(grep -vE '^\s*(#|$)' packaging/debian-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "==> Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  if [[ $EUID -eq 0 ]]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "error: installing packages needs root or sudo; run as root or install: ${missing[*]}" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2. Build (release preset: RelWithDebInfo in build/release).
if [[ ! -f build/release/build.ninja ]]; then
  cmake --preset release
fi
cmake --build --preset release

# 3. Run or test.
case "$mode" in
  run)
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
      echo "error: no display (DISPLAY/WAYLAND_DISPLAY unset). Start it from a desktop session," \
           "or use build/release/app/aichopin-cli for headless work." >&2
      exit 1
    fi
    exec build/release/app/aichopin "$@"
    ;;
  test)
    ctest --preset release --parallel 2 "$@"
    ;;
  build) ;;
esac
