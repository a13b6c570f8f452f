namespace EdgePose.Benchmarks;

/// <summary>Where benchmarks find the shared models: $EDGEPOSE_SHARED, else ../shared beside the checkout.</summary>
internal static class BenchmarkPaths
{
    public static string SharedRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("EDGEPOSE_SHARED") is { Length: > 0 } env)
            {
                return env;
            }

            // BenchmarkDotNet runs a generated copy under bin/; walk up to the checkout (it holds EdgePose.sln).
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "EdgePose.sln")))
                {
                    return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
                }
            }

            throw new InvalidOperationException($"EdgePose.sln not found above {AppContext.BaseDirectory}; set EDGEPOSE_SHARED");
        }
    }

    public static string FloatHeadModel => Path.Combine(SharedRoot, "models", "yolo11n-pose_int8_floathead.onnx");
}
