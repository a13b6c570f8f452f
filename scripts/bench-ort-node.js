#!/usr/bin/env node
// Raw ONNX Runtime speed, for comparison with the C# engine (bench/EdgePose.Benchmarks, OnnxRuntimeRunBenchmark).
// Times session.run of onnxruntime-node 1.20.1, which scripts/setup.sh installs into third_party/onnxruntime
// and whose native library is the very libonnxruntime.so.1.20.1 that the C# engine loads.
// Same model, same input (every value 114/255), same thread setting, graph optimisation 'all', sequential.
//
// usage: node scripts/bench-ort-node.js [--model PATH] [--threads N] [--runs N] [--warmup N] [--json]
//   --model    default ../shared/models/yolo11n-pose_int8_floathead.onnx (beside the checkout)
//   --threads  intra-op threads, 0 = ONNX Runtime's default (default 0)
//   --runs     timed runs (default 50); --warmup untimed runs first (default 5)
// Prints median, p90, mean, min and max of the per-run wall time in milliseconds.
'use strict';

const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');

function parseArgs(argv) {
  const args = {
    model: path.resolve(root, '..', 'shared', 'models', 'yolo11n-pose_int8_floathead.onnx'),
    threads: 0,
    runs: 50,
    warmup: 5,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    const count = (name, min) => {
      const v = Number(next());
      if (!Number.isInteger(v) || v < min) fail(`${name} must be an integer of at least ${min}`);
      return v;
    };
    switch (a) {
      case '--model': args.model = path.resolve(next()); break;
      case '--threads': args.threads = count('--threads', 0); break;
      case '--runs': args.runs = count('--runs', 1); break;
      case '--warmup': args.warmup = count('--warmup', 0); break;
      case '--json': args.json = true; break;
      default: fail(`unknown argument ${a}`);
    }
  }
  return args;
}

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
}

function loadOrt() {
  const pkg = path.join(root, 'third_party', 'onnxruntime', 'node_modules', 'onnxruntime-node');
  if (!fs.existsSync(path.join(pkg, 'package.json'))) fail(`onnxruntime-node not found in ${pkg}; run scripts/setup.sh`);
  return require(pkg);
}

function percentile(sorted, p) {
  // Nearest-rank percentile.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.model)) fail(`model file not found: ${args.model}`);
  const ort = loadOrt();

  const session = await ort.InferenceSession.create(args.model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: args.threads,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const inputName = session.inputNames[0];
  const dims = [1, 3, 640, 640];
  const data = new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(114 / 255);
  const feeds = { [inputName]: new ort.Tensor('float32', data, dims) };

  for (let i = 0; i < args.warmup; i++) await session.run(feeds);

  const times = [];
  for (let i = 0; i < args.runs; i++) {
    const start = process.hrtime.bigint();
    await session.run(feeds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }

  const sorted = [...times].sort((a, b) => a - b);
  const result = {
    runtime: `onnxruntime-node ${ort.env.versions.node ?? ''}`.trim(),
    model: path.basename(args.model),
    threads: args.threads,
    runs: args.runs,
    warmup: args.warmup,
    medianMs: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
  };
  if (args.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const f = (v) => v.toFixed(2);
    process.stdout.write(
      `${result.runtime}, ${result.model}, intra-op threads ${args.threads || 'default'}, ` +
      `${args.runs} runs after ${args.warmup} warm-up: median ${f(result.medianMs)} ms, p90 ${f(result.p90Ms)} ms, ` +
      `mean ${f(result.meanMs)} ms, min ${f(result.minMs)} ms, max ${f(result.maxMs)} ms\n`);
  }
  await session.release();
}

main().catch((e) => fail(e && e.message ? e.message.split('\n')[0] : String(e)));
