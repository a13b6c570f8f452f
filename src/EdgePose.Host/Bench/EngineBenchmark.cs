using System.Diagnostics;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Engines;

namespace EdgePose.Host.Bench;

/// <summary>
/// Times one engine at one batch size, as trtexec does for a plan: a grey letterbox input is written once,
/// then warm-up runs, then measured runs, each from <see cref="IInferenceEngine.Enqueue"/> until the outputs can be
/// read. With a bare runtime loop, each round runs ours and the bare loop in alternation (order swapped every
/// round), so that both see the same background load.
/// </summary>
internal static class EngineBenchmark
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static EngineBenchResult Run(IInferenceEngine engine, int batch, EngineBenchSettings settings, BareOnnxRuntimeLoop? bare, Action<int, int>? progress, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, engine.MaxBatch);

        using var set = engine.CreateBufferSet();
        for (int slot = 0; slot < batch; slot++)
        {
            set.InputSlot(slot).Fill(114f / 255f);
        }

        void Ours()
        {
            if (!engine.Enqueue(set, batch).Wait(RunTimeout))
            {
                throw new TimeoutException($"a run of batch {batch} did not finish within {RunTimeout.TotalSeconds:0} s");
            }

            if (settings.AddedDelay > TimeSpan.Zero)
            {
                Thread.Sleep(settings.AddedDelay);
            }
        }

        for (int i = 0; i < settings.Warmup; i++)
        {
            ct.ThrowIfCancellationRequested();
            Ours();
            bare?.Run();
        }

        var ours = new List<double>(settings.Iterations);
        var bares = new List<double>(bare is null ? 0 : settings.Iterations);
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; ; i++)
        {
            bool more = settings.Duration is { } d ? Stopwatch.GetElapsedTime(started) < d : i < settings.Iterations;
            if (!more)
            {
                break;
            }

            ct.ThrowIfCancellationRequested();
            if (bare is not null && i % 2 == 1)
            {
                bares.Add(Time(bare.Run));
                ours.Add(Time(Ours));
            }
            else
            {
                ours.Add(Time(Ours));
                if (bare is not null)
                {
                    bares.Add(Time(bare.Run));
                }
            }

            progress?.Invoke(i + 1, settings.Duration is null ? settings.Iterations : 0);
        }

        var samples = ours.ToArray();
        var latency = LatencyStatistics.Of(ours.ToArray().AsSpan());
        return new EngineBenchResult(batch, latency, latency.Mean > 0 ? batch * 1000 / latency.Mean : 0)
        {
            Samples = samples,
            Bare = bare is null ? null : LatencyStatistics.Of(bares.ToArray().AsSpan()),
        };
    }

    private static double Time(Action run)
    {
        long t0 = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
}
