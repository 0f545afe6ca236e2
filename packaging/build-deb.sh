#!/usr/bin/env bash
# Builds the Debian package (target/debian/yitihua_<version>-1_<arch>.deb) with cargo-deb,
# installing cargo-deb first if this machine lacks it; cargo-deb prints the path last.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deb --version >/dev/null 2>&1; then
    cargo install cargo-deb --version 3.8.0 --locked
fi
cargo deb --locked
