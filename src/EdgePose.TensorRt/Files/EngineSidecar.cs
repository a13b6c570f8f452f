using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Files;

/// <summary>
/// The JSON file beside a plan that edgepose build-engine writes (&lt;plan&gt;.json): which plan and ONNX
/// it describes (sha256), the TensorRT version and GPU it was built with, the build flags, and the
/// model's metadata (Ultralytics' ONNX metadata_props, as written). The plan itself stays a plain
/// TensorRT plan that trtexec and other tools read.
/// </summary>
public sealed record EngineSidecar
{
    /// <summary>Version of this JSON layout; readers reject newer ones.</summary>
    public const int CurrentFormatVersion = 1;

    public required string PlanSha256 { get; init; }

    public required long PlanBytes { get; init; }

    /// <summary>The ONNX the plan was built from, as given to build-engine (absolute).</summary>
    public required string OnnxPath { get; init; }

    public required string OnnxSha256 { get; init; }

    public required TensorRtVersion TensorRt { get; init; }

    public required GpuIdentity Gpu { get; init; }

    public required EngineBuildFlags Build { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The ONNX metadata_props (task, kpt_shape, names, imgsz, stride, ...), values as written.</summary>
    public IReadOnlyDictionary<string, string> ModelMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the sidecar of <paramref name="planPath"/> lives: the plan's path plus ".json".</summary>
    public static string PathFor(string planPath) => planPath + ".json";

    /// <summary>The build environment the plan needs.</summary>
    public BuildEnvironment Environment => new(TensorRt, Gpu);
}
