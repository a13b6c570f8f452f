#!/usr/bin/env bash
# ONNX Runtime from C# vs raw ONNX Runtime, same libonnxruntime 1.20.1, same model, input and threads.
# Alternates rounds of the BenchmarkDotNet benchmark (OnnxRuntimeRunBenchmark, in-process) and of
# scripts/bench-ort-node.js so that both see the same background load, then prints, per intra-op thread
# count, the median over rounds of each side's median and p90, the C#/raw ratio, and the fastest run of
# each side (the least disturbed by other load on a shared machine).
#   usage: scripts/bench-ort-compare.sh [ROUNDS (default 5)] [NODE_RUNS per round (default 30)]
#   needs: scripts/setup.sh done; the model in ../shared/models (or $EDGEPOSE_SHARED/models)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
ROUNDS="${1:-5}"
NODE_RUNS="${2:-30}"
OUT="$ROOT/BenchmarkDotNet.Artifacts/ort-compare-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

dotnet build bench/EdgePose.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:quiet >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "[compare] round $round/$ROUNDS: C# (BenchmarkDotNet)" >&2
  dotnet run -c Release --no-build --project bench/EdgePose.Benchmarks -- \
    --filter '*OnnxRuntimeRun*' --inProcess --exporters json --artifacts "$OUT/csharp-$round" >"$OUT/csharp-$round.log" 2>&1
  for threads in 1 2; do
    echo "[compare] round $round/$ROUNDS: raw (onnxruntime-node), $threads intra-op threads" >&2
    node scripts/bench-ort-node.js --threads "$threads" --runs "$NODE_RUNS" --json >>"$OUT/raw.jsonl"
  done
done

node - "$OUT" <<'JS'
const fs = require('fs');
const path = require('path');
const out = process.argv[2];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const cs = {}; const raw = {};
for (const dir of fs.readdirSync(out).filter((d) => d.startsWith('csharp-') && !d.endsWith('.log'))) {
  const results = path.join(out, dir, 'results');
  for (const f of fs.readdirSync(results).filter((f) => f.endsWith('.json'))) {
    for (const b of JSON.parse(fs.readFileSync(path.join(results, f))).Benchmarks) {
      const t = Number(/IntraOpThreads=(\d+)/.exec(b.Parameters)[1]);
      (cs[t] ??= []).push({ median: b.Statistics.Median / 1e6, p90: b.Statistics.Percentiles.P90 / 1e6, min: b.Statistics.Min / 1e6 });
    }
  }
}
for (const line of fs.readFileSync(path.join(out, 'raw.jsonl'), 'utf8').trim().split('\n')) {
  const r = JSON.parse(line);
  (raw[r.threads] ??= []).push({ median: r.medianMs, p90: r.p90Ms, min: r.minMs });
}
console.log(`results in ${out}`);
console.log('| intra-op threads | rounds | C# median ms | raw median ms | C#/raw | C# p90 ms | raw p90 ms | C# min ms | raw min ms | per-round C#/raw medians |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const t of Object.keys(raw).map(Number).sort()) {
  const c = cs[t] ?? []; const r = raw[t];
  const cm = median(c.map((x) => x.median)); const rm = median(r.map((x) => x.median));
  const perRound = c.map((x, i) => (r[i] ? (x.median / r[i].median).toFixed(2) : '?')).join(' ');
  console.log(`| ${t} | ${c.length} | ${cm.toFixed(1)} | ${rm.toFixed(1)} | ${(cm / rm).toFixed(3)} | ${median(c.map((x) => x.p90)).toFixed(1)} | ${median(r.map((x) => x.p90)).toFixed(1)} | ${Math.min(...c.map((x) => x.min)).toFixed(1)} | ${Math.min(...r.map((x) => x.min)).toFixed(1)} | ${perRound} |`);
}
JS
