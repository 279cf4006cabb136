#!/usr/bin/env bash
# The benchmark, started from a shell: `scripts/bench.sh --help`.
# `pnpm bench` runs this too, but under pnpm's own node process, whose
# garbage collection lands in the first measured phase (README, Benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --no-memory-reducer --import tsx scripts/src/bench/main.ts "$@"
