#!/usr/bin/env bash
# TorchSharp on a system whose libstdc++ predates GCC 13 (Debian 12: GCC 12, GLIBCXX up to 3.4.30).
# libLibTorchSharp.so (TorchSharp 0.107) needs one symbol at GLIBCXX_3.4.32: std::ios_base_library_init().
# Where the system libstdc++ lacks that version, this patches the COPY of libLibTorchSharp.so in a build
# output (never the one in the NuGet cache):
#   1. clears the symbol's version (patchelf --clear-symbol-version), so any definition satisfies it;
#   2. adds libedgepose_ios_init.so (native/libstdcxx_compat, built by CMake) to its needed list and copies
#      it beside it (its RUNPATH has $ORIGIN); that library defines the function;
#   3. marks the GLIBCXX_3.4.32 version requirement weak (edgepose_elf_weak_version), so the loader
#      accepts its absence.
# Where libstdc++ has GLIBCXX_3.4.32 (GCC >= 13, Ubuntu 24.04) nothing is patched.
#
# Usage:
#   scripts/patch-torchsharp.sh OUTPUT_DIR...      patch every libLibTorchSharp.so under the folders, if needed
#   scripts/patch-torchsharp.sh --check [LIBSTDCXX] exit 0 and print "ok" when LIBSTDCXX (default: the
#                                                  system's libstdc++.so.6) defines GLIBCXX_3.4.32; exit 3
#                                                  and print "patch needed" when it does not; 2: bad input
# Environment: EDGEPOSE_LIBSTDCXX overrides the libstdc++ that is checked.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEEDED_VERSION="GLIBCXX_3.4.32"
SYMBOL="_ZSt21ios_base_library_initv"   # std::ios_base_library_init()
NATIVE_OUT="$ROOT/artifacts/native"

log() { printf '[patch-torchsharp] %s\n' "$*"; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }

system_libstdcxx() {
  local p
  p="$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64|libstdc\+\+\.so\.6 .*AArch64/ {print $NF; exit}')"
  [ -n "$p" ] || p="$(g++ -print-file-name=libstdc++.so.6 2>/dev/null || true)"
  printf '%s' "$p"
}

# 0: the library defines the version (a version definition, not just the string); 3: it does not.
defines_version() {
  local lib="$1"
  [ -f "$lib" ] || die "libstdc++ not found: $lib" 2
  readelf -h "$lib" >/dev/null 2>&1 || die "not an ELF shared library: $lib" 2
  local defs
  defs="$(readelf -V -W "$lib" | awk '/Version definition section/ {d=1; next} /Version needs section|Version symbols section/ {d=0} d')"
  if grep -qE "Name: ${NEEDED_VERSION//./\\.}\$" <<<"$defs"; then
    return 0
  fi
  return 3
}

if [ "${1:-}" = "--check" ]; then
  lib="${2:-${EDGEPOSE_LIBSTDCXX:-$(system_libstdcxx)}}"
  [ -n "$lib" ] || die "cannot find the system libstdc++.so.6" 2
  if defines_version "$lib"; then echo "ok: $lib defines $NEEDED_VERSION"; exit 0
  else rc=$?; [ $rc -eq 3 ] && { echo "patch needed: $lib lacks $NEEDED_VERSION"; exit 3; }; exit $rc; fi
fi

[ $# -gt 0 ] || die "usage: patch-torchsharp.sh OUTPUT_DIR... | --check [LIBSTDCXX]" 2
lib="${EDGEPOSE_LIBSTDCXX:-$(system_libstdcxx)}"
[ -n "$lib" ] || die "cannot find the system libstdc++.so.6" 2
if defines_version "$lib"; then exit 0; fi

command -v patchelf >/dev/null || die "patchelf not found (Debian: apt-get install patchelf)"
if [ ! -f "$NATIVE_OUT/libedgepose_ios_init.so" ] || [ ! -x "$NATIVE_OUT/edgepose_elf_weak_version" ]; then
  log "building native/libstdcxx_compat"
  cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build/native" --target edgepose_ios_init edgepose_elf_weak_version >/dev/null
fi

for dir in "$@"; do
  [ -d "$dir" ] || die "no such output folder: $dir" 2
  while IFS= read -r so; do
    case "$so" in "$HOME/.nuget/"*|*/.nuget/packages/*) die "refusing to patch the NuGet cache: $so" 2 ;; esac
    here="$(dirname "$so")"
    cmp -s "$NATIVE_OUT/libedgepose_ios_init.so" "$here/libedgepose_ios_init.so" || cp "$NATIVE_OUT/libedgepose_ios_init.so" "$here/"
    # Already patched: the symbol carries no version and our library is needed.
    if ! objdump -T "$so" | grep -E "\($NEEDED_VERSION\) +$SYMBOL" >/dev/null \
        && patchelf --print-needed "$so" | grep -qx libedgepose_ios_init.so; then
      continue
    fi
    # A hard link would carry the edit into the NuGet cache: write a fresh file first.
    cp "$so" "$so.tmp" && mv -f "$so.tmp" "$so"
    patchelf --clear-symbol-version "$SYMBOL" "$so"
    patchelf --print-needed "$so" | grep -qx libedgepose_ios_init.so || patchelf --add-needed libedgepose_ios_init.so "$so"
    "$NATIVE_OUT/edgepose_elf_weak_version" "$so" "$NEEDED_VERSION" >/dev/null
    log "patched $so"
  done < <(find "$dir" -name libLibTorchSharp.so -type f)
done
