using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Tests.Support;

/// <summary>
/// Engine files for the file-format tests. Their plans are bytes that start like a TensorRT plan
/// ("ptrt" + header-sized filler): the readers under test look at layout and sidecars only, and
/// TensorRT never sees these bytes.
/// </summary>
internal static class EngineFixtures
{
    public static readonly BuildEnvironment Orin = new(new TensorRtVersion(10, 3, 0), new GpuIdentity("Orin", new ComputeCapability(8, 7)));

    public static byte[] PlanBytes(int length = 256)
    {
        var bytes = new byte[length];
        "ptrt"u8.CopyTo(bytes);
        for (var i = 4; i < length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }

    public static EngineSidecar Sidecar(byte[] plan, BuildEnvironment? built = null, EngineBuildFlags? flags = null, string onnx = "/models/yolo11n-pose.onnx") => new()
    {
        PlanSha256 = Sha256Hex.Of(plan),
        PlanBytes = plan.Length,
        OnnxPath = onnx,
        OnnxSha256 = new string('a', 64),
        TensorRt = (built ?? Orin).TensorRt,
        Gpu = (built ?? Orin).Gpu,
        Build = flags ?? new EngineBuildFlags { Precision = EnginePrecision.Fp16 },
        CreatedUtc = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
        ModelMetadata = new Dictionary<string, string> { ["task"] = "pose", ["kpt_shape"] = "[17, 3]", ["imgsz"] = "[640, 640]", ["stride"] = "32", ["names"] = "{0: 'person'}" },
    };

    /// <summary>Writes plan (and its sidecar, when given) into <paramref name="dir"/>; returns the plan's path.</summary>
    public static string WritePlan(string dir, byte[] plan, EngineSidecar? sidecar, string name = "model.engine")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, plan);
        if (sidecar is not null)
        {
            File.WriteAllText(EngineSidecar.PathFor(path), EngineSidecarJson.Write(sidecar));
        }

        return path;
    }

    /// <summary>The JSON header Ultralytics writes (json.dumps of its export metadata).</summary>
    public const string UltralyticsJson =
        """{"description": "Ultralytics YOLO11n-pose model", "author": "Ultralytics", "version": "8.3.155", "stride": 32, "task": "pose", "batch": 1, "imgsz": [640, 640], "names": {"0": "person"}, "args": {"half": true, "int8": false, "dynamic": false}, "channels": 3, "end2end": false, "kpt_shape": [17, 3]}""";
}
