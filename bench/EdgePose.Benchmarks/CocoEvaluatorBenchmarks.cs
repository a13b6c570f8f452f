using BenchmarkDotNet.Attributes;
using EdgePose.Core.Coco;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;

namespace EdgePose.Benchmarks;

/// <summary>
/// COCO evaluation of the 1820 reference detections on coco-mini val2017 (79 images), from ../shared
/// (or $EDGEPOSE_SHARED). Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*CocoEvaluator*'.
/// </summary>
[MemoryDiagnoser]
public class CocoEvaluatorBenchmarks
{
    private CocoGroundTruth _gt = null!;
    private List<CocoDetection> _results = null!;
    private CocoDetectionSet _detections = null!;

    [GlobalSetup]
    public void Setup()
    {
        string shared = SharedRoot();
        string gtPath = Path.Combine(shared, "data", "coco-mini", "annotations", "person_keypoints_val2017.json");
        string resPath = Path.Combine(shared, "reference", "coco-mini-val2017_val_results.json");
        _gt = CocoGroundTruth.From(CocoJson.ParseDataset(File.ReadAllText(gtPath), gtPath), gtPath);
        _results = CocoJson.ParseResults(File.ReadAllText(resPath), resPath);
        _detections = CocoDetectionSet.FromResults(_gt, _results, resPath);
    }

    [Benchmark]
    public double Keypoints() => CocoEvaluator.EvaluateKeypoints(_detections, KeypointMeta.Coco17.Sigmas)["AP"];

    [Benchmark]
    public double Boxes() => CocoEvaluator.EvaluateBoxes(_detections)["AP"];

    [Benchmark]
    public int LoadResults() => CocoDetectionSet.FromResults(_gt, _results, "results").Count;

    private static string SharedRoot()
    {
        if (Environment.GetEnvironmentVariable("EDGEPOSE_SHARED") is { Length: > 0 } env)
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgePose.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new DirectoryNotFoundException("EdgePose.sln not found above " + AppContext.BaseDirectory + "; set EDGEPOSE_SHARED")
            : Path.Combine(dir.FullName, "..", "shared");
    }
}
