using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Files;

public sealed class EngineFileReaderTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Plain_plan_with_sidecar_is_read_with_its_metadata_and_build_flags()
    {
        var plan = EngineFixtures.PlanBytes();
        var path = EngineFixtures.WritePlan(_dir, plan, EngineFixtures.Sidecar(plan));

        var file = EngineFileReader.Read(path);

        Assert.Equal(EngineFileFormat.Plan, file.Format);
        Assert.Equal(0, file.PlanOffset);
        Assert.True(file.Plan.SequenceEqual(plan));
        Assert.NotNull(file.Sidecar);
        Assert.Equal("pose", file.Metadata.Task);
        Assert.Equal(17, file.Metadata.KeypointCount);
        Assert.Equal((640, 640), file.Metadata.ImageSize);
        Assert.Equal(EnginePrecision.Fp16, file.BuildFlags!.Precision);
    }

    [Fact]
    public void Plain_plan_without_sidecar_loads_with_empty_metadata()
    {
        var path = EngineFixtures.WritePlan(_dir, EngineFixtures.PlanBytes(), null);

        var file = EngineFileReader.Read(path);

        Assert.Null(file.Sidecar);
        Assert.Null(file.BuildFlags);
        Assert.Null(file.Metadata.Task);
    }

    [Fact]
    public void Ultralytics_engine_splits_into_metadata_and_plan()
    {
        var plan = EngineFixtures.PlanBytes();
        var path = Path.Combine(_dir, "yolo11n-pose.engine");
        File.WriteAllBytes(path, [.. UltralyticsEngineHeader.Write(EngineFixtures.UltralyticsJson), .. plan]);

        var file = EngineFileReader.Read(path);

        Assert.Equal(EngineFileFormat.Ultralytics, file.Format);
        Assert.Equal(4 + EngineFixtures.UltralyticsJson.Length, file.PlanOffset);
        Assert.True(file.Plan.SequenceEqual(plan));
        Assert.Equal(EngineFixtures.UltralyticsJson, file.UltralyticsMetadataJson);
        Assert.Equal("pose", file.Metadata.Task);
        Assert.Equal(3, file.Metadata.KeypointDims);
    }

    [Fact]
    public void Ultralytics_header_with_bad_json_is_rejected_naming_the_file()
    {
        var path = Path.Combine(_dir, "bad.engine");
        File.WriteAllBytes(path, [.. UltralyticsEngineHeader.Write("{\"task\": \"pose\", \"stride\": }"), .. EngineFixtures.PlanBytes()]);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Ultralytics_header_announcing_more_bytes_than_the_file_has_is_reported_truncated()
    {
        var full = (byte[])[.. UltralyticsEngineHeader.Write(EngineFixtures.UltralyticsJson), .. EngineFixtures.PlanBytes()];
        var path = Path.Combine(_dir, "cut.engine");
        File.WriteAllBytes(path, full[..40]);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ultralytics_header_followed_by_nothing_is_reported_truncated()
    {
        var path = Path.Combine(_dir, "header-only.engine");
        File.WriteAllBytes(path, UltralyticsEngineHeader.Write(EngineFixtures.UltralyticsJson));

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Contains("followed by no TensorRT plan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ultralytics_header_followed_by_something_else_than_a_plan_is_rejected()
    {
        var path = Path.Combine(_dir, "other.engine");
        File.WriteAllBytes(path, [.. UltralyticsEngineHeader.Write(EngineFixtures.UltralyticsJson), .. new byte[64]]);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Contains("not a TensorRT plan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_file_is_rejected_as_not_a_TensorRT_engine()
    {
        var path = Path.Combine(_dir, "photo.engine");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[100]]);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Equal($"{path} is not a TensorRT engine: it starts with neither a TensorRT plan signature nor an Ultralytics metadata header", e.Message);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public void Onnx_model_given_as_engine_says_how_to_build_one()
    {
        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(TestPaths.GenuineInt8Model));

        Assert.Contains("is not a TensorRT engine", e.Message, StringComparison.Ordinal);
        Assert.Contains($"edgepose build-engine --onnx {TestPaths.GenuineInt8Model}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_of_two_bytes_is_rejected_with_its_size()
    {
        var path = Path.Combine(_dir, "tiny.engine");
        File.WriteAllBytes(path, [1, 2]);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Contains("only 2 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_shorter_than_its_header_is_reported_truncated()
    {
        var path = EngineFixtures.WritePlan(_dir, EngineFixtures.PlanBytes(12), null);

        var e = Assert.Throws<FormatException>(() => EngineFileReader.Read(path));

        Assert.Equal($"{path}: truncated TensorRT plan (12 bytes)", e.Message);
    }

    [Fact]
    public void Plan_cut_short_after_its_build_is_caught_by_the_sidecar_with_the_rebuild_command()
    {
        var plan = EngineFixtures.PlanBytes(256);
        var path = EngineFixtures.WritePlan(_dir, plan, EngineFixtures.Sidecar(plan));
        File.WriteAllBytes(path, plan[..200]);

        var e = Assert.Throws<InputException>(() => EngineFileReader.Read(path));

        Assert.Contains("the plan has 200 bytes, the sidecar describes 256 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains("the plan was truncated", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"rebuild it with: edgepose build-engine --onnx /models/yolo11n-pose.onnx --fp16 --out {path}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_replaced_by_another_of_the_same_size_is_caught_by_the_sidecar_hash()
    {
        var plan = EngineFixtures.PlanBytes(256);
        var path = EngineFixtures.WritePlan(_dir, plan, EngineFixtures.Sidecar(plan));
        plan[100] ^= 0xFF;
        File.WriteAllBytes(path, plan);

        var e = Assert.Throws<InputException>(() => EngineFileReader.Read(path));

        Assert.Contains("the plan was replaced", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_engine_file_is_named()
    {
        var path = Path.Combine(_dir, "absent.engine");

        var e = Assert.Throws<InputException>(() => EngineFileReader.Read(path));

        Assert.Equal($"engine file not found: {path}", e.Message);
    }
}
