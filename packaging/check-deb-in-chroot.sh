#!/bin/bash
# Installs the AI Chopin .deb on a clean Debian 12 (bookworm) made with debootstrap and runs
# aichopin-cli compose and classify there: proof that the package's dependencies are complete.
# Not run by CI (it needs root and the network, and takes minutes).
#
#   sudo bash packaging/check-deb-in-chroot.sh build/aichopin_0.1.0_amd64.deb [/work/chroot]
#
# The chroot folder (default /work/chroot, outside the repository) is created on the first run
# and reused afterwards; the package is purged with its automatically installed dependencies
# before each run, so every run installs into the same clean system. Delete the folder to start
# from scratch. Exit status 0 when every step passed.
set -euo pipefail

deb=${1:?usage: check-deb-in-chroot.sh PACKAGE.deb [CHROOT_DIR]}
root=${2:-/work/chroot}
mirror=${AICHOPIN_DEBIAN_MIRROR:-http://deb.debian.org/debian}
security=${AICHOPIN_DEBIAN_SECURITY:-http://deb.debian.org/debian-security}

[ "$(id -u)" = 0 ] || { echo "check-deb-in-chroot: run as root (debootstrap and chroot need it)" >&2; exit 2; }
[ -f "$deb" ] || { echo "check-deb-in-chroot: no such package: $deb" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "check-deb-in-chroot: apt-get install debootstrap" >&2; exit 2; }

step() { printf '\n== %s\n' "$*"; }

if [ ! -f "$root/etc/debian_version" ]; then
    step "debootstrap bookworm into $root"
    debootstrap --variant=minbase bookworm "$root" "$mirror"
fi

# The package was built against an up-to-date bookworm, so its versioned dependencies need the
# point-release and security updates too.
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
cp /etc/resolv.conf "$root/etc/resolv.conf"

mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" || true; done
}
trap cleanup EXIT
for fs in proc sys dev; do
    if ! mountpoint -q "$root/$fs"; then
        mount --bind "/$fs" "$root/$fs"
        mounted+=("$root/$fs")
    fi
done

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

step "start from a system without aichopin"
if in_root dpkg -s aichopin >/dev/null 2>&1; then
    in_root apt-get purge -y aichopin
fi
in_root apt-get autoremove -y --purge
in_root apt-get update -q

step "install $(basename "$deb") with apt (dependencies and recommendations resolve from the mirror)"
cp "$deb" "$root/tmp/aichopin.deb"
in_root apt-get install -y -q /tmp/aichopin.deb
in_root dpkg -s aichopin | grep -E '^(Version|Depends|Recommends):'

step "installed files"
for f in /usr/bin/aichopin /usr/bin/aichopin-cli /usr/share/aichopin/models/composer-default.pt \
         /usr/share/aichopin/models/classifier-default.pt /usr/share/applications/org.aichopin.AIChopin.desktop \
         /usr/share/metainfo/org.aichopin.AIChopin.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.aichopin.AIChopin.svg \
         /usr/share/man/man1/aichopin.1.gz /usr/share/man/man1/aichopin-cli.1.gz \
         /usr/share/aichopin/translations/aichopin_pl.qm /usr/share/aichopin/translations/plurals_en.qm; do
    [ -e "$root$f" ] || { echo "missing: $f" >&2; exit 1; }
    echo "ok  $f"
done
step "every library the binaries need is there"
if in_root ldd /usr/bin/aichopin /usr/bin/aichopin-cli | grep 'not found'; then
    echo "unresolved libraries" >&2
    exit 1
fi

step "aichopin-cli about"
in_root sh -c 'mkdir -p /tmp/check && cd /tmp/check && aichopin-cli about'
step "aichopin-cli compose --out x.mid --seconds 10"
in_root sh -c 'cd /tmp/check && rm -f x.mid && aichopin-cli compose --out x.mid --seconds 10 && ls -l x.mid'
step "aichopin-cli classify x.mid"
in_root sh -c 'cd /tmp/check && aichopin-cli classify x.mid'
step "aichopin --help (the GUI binary starts without a display)"
in_root sh -c 'QT_QPA_PLATFORM=offscreen aichopin --help'
step "aichopin x.mid runs (offscreen; still running after 5 s is success)"
in_root sh -c 'cd /tmp/check && QT_QPA_PLATFORM=offscreen timeout 5 aichopin x.mid; rc=$?; echo "exit status $rc"; [ "$rc" = 124 ]'

step "PASS: the package installs on a clean Debian 12 and composes and classifies there"
