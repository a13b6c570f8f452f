using BenchmarkDotNet.Attributes;
using EdgePose.Core.Poses;
using EdgePose.Core.Tracking;

namespace EdgePose.Benchmarks;

/// <summary>
/// ByteTracker.Update per frame with 5, 20 and 50 people: synthetic boxes walking back and forth across a
/// 1920x1080 frame (4.5 or 9 px per frame, each in its own lane and phase, so paths cross), scores between 0.15 and 0.95 (both
/// associations work), every 9th person hidden for 20 frames in each 100. The 800 frames loop seamlessly;
/// the tracker runs them once before measuring, so what is timed is the steady state.
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*ByteTracker*'
/// </summary>
[MemoryDiagnoser]
public class ByteTrackerBenchmark
{
    private const int Frames = 800;

    private PoseDetections[] _frames = [];
    private ByteTracker _tracker = null!;

    [Params(5, 20, 50)]
    public int People { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(14);
        var lanes = Enumerable.Range(0, People).Select(_ => (Y: 100 + (rng.NextSingle() * 700), Phase: rng.NextSingle(), Score: 0.15f + (rng.NextSingle() * 0.8f))).ToArray();
        _frames = new PoseDetections[Frames];
        for (int f = 0; f < Frames; f++)
        {
            var d = new PoseDetections(People, 17);
            for (int p = 0; p < People; p++)
            {
                if (p % 9 == 0 && (f % 100) < 20)
                {
                    continue;
                }

                var (y, phase, score) = lanes[p];

                // One or two whole round trips per loop, so that the last frame leads into the first.
                float trip = 2 * 1800f;
                float walked = ((phase * trip) + ((1 + (p % 2)) * trip * f / Frames)) % trip;
                float x = walked < 1800 ? walked : trip - walked;
                d.Add(x, y, x + 60, y + 170, score, 0, -1);
            }

            _frames[f] = d;
        }

        _tracker = new ByteTracker(new TrackerOptions());
        foreach (var d in _frames)
        {
            _tracker.Update(d);
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int Update()
    {
        int sum = 0;
        foreach (var d in _frames)
        {
            _tracker.Update(d);
            sum += d.Count;
        }

        return sum;
    }
}
