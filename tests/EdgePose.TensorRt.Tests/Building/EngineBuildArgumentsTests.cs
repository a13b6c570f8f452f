using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Building;

/// <summary>`edgepose build-engine` options, checked before any TensorRT work (so everywhere).</summary>
public sealed class EngineBuildArgumentsTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt");
    private readonly string _float;
    private readonly string _qdq;
    private readonly string _images;

    public EngineBuildArgumentsTests()
    {
        _float = Path.Combine(_dir, "float.onnx");
        File.WriteAllBytes(_float, OnnxBytes.Tiny().ToBytes());
        _qdq = Path.Combine(_dir, "qdq.onnx");
        File.WriteAllBytes(_qdq, OnnxBytes.Tiny(quantised: true).ToBytes());
        _images = Path.Combine(_dir, "calib");
        Directory.CreateDirectory(_images);
        File.WriteAllBytes(Path.Combine(_images, "a.jpg"), [0xFF, 0xD8]);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private string Fail(EngineBuildArguments a) => Assert.Throws<InputException>(() => a.Validate()).Message;

    [Fact]
    public void Float_model_builds_fp16_beside_the_onnx_by_default()
    {
        var plan = new EngineBuildArguments { Onnx = _float, Fp16 = true }.Validate();

        Assert.Equal(Path.Combine(_dir, "float.fp16.engine"), plan.OutputPath);
        Assert.Equal(EnginePrecision.Fp16, plan.Flags.Precision);
        Assert.False(plan.Onnx.IsQuantized);
        Assert.Empty(plan.InputProfiles);
        Assert.False(plan.NeedsCalibration);
    }

    [Fact]
    public void Quantised_model_builds_int8_without_calibration_images()
    {
        var plan = new EngineBuildArguments { Onnx = _qdq, Int8 = true, Output = Path.Combine(_dir, "q.engine") }.Validate();

        Assert.Equal(EnginePrecision.Int8, plan.Flags.Precision);
        Assert.True(plan.Onnx.IsQuantized);
        Assert.False(plan.NeedsCalibration);
    }

    [Fact]
    public void Float_model_builds_int8_with_calibration_images_listed()
    {
        var plan = new EngineBuildArguments { Onnx = _float, Int8 = true, CalibrationImages = _images }.Validate();

        Assert.Equal([Path.Combine(_images, "a.jpg")], plan.CalibrationImages);
        Assert.Equal(_images, plan.Flags.CalibrationImages);
    }

    [Fact]
    public void Missing_onnx_option_is_reported() =>
        Assert.Equal("--onnx is required: the ONNX model to build the engine from", Fail(new EngineBuildArguments()));

    [Fact]
    public void Onnx_file_that_does_not_exist_is_named() =>
        Assert.Equal("ONNX model not found: /no/such/model.onnx", Fail(new EngineBuildArguments { Onnx = "/no/such/model.onnx" }));

    [Fact]
    public void Folder_given_as_onnx_is_rejected() =>
        Assert.Equal($"--onnx must be a file, but {_dir} is a folder", Fail(new EngineBuildArguments { Onnx = _dir }));

    [Fact]
    public void File_that_is_not_onnx_is_rejected_naming_it()
    {
        var text = Path.Combine(_dir, "notes.onnx");
        File.WriteAllText(text, "this is not a model");

        var e = Assert.Throws<FormatException>(() => new EngineBuildArguments { Onnx = text }.Validate());

        Assert.StartsWith(text + ":", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fp16_with_int8_is_rejected() =>
        Assert.StartsWith("--fp16 and --int8 exclude each other", Fail(new EngineBuildArguments { Onnx = _qdq, Fp16 = true, Int8 = true }), StringComparison.Ordinal);

    [Fact]
    public void Int8_on_a_float_model_without_calibration_images_is_rejected() =>
        Assert.Equal(
            $"{_float} is not quantised (no QuantizeLinear/DequantizeLinear nodes): --int8 needs --calib-images DIR with representative images",
            Fail(new EngineBuildArguments { Onnx = _float, Int8 = true }));

    [Fact]
    public void Calibration_images_for_a_quantised_model_are_rejected() =>
        Assert.Contains("is already quantised (QDQ)", Fail(new EngineBuildArguments { Onnx = _qdq, Int8 = true, CalibrationImages = _images }), StringComparison.Ordinal);

    [Fact]
    public void Calibration_images_without_int8_are_rejected() =>
        Assert.Equal("--calib-images applies only with --int8", Fail(new EngineBuildArguments { Onnx = _float, Fp16 = true, CalibrationImages = _images }));

    [Fact]
    public void Missing_calibration_folder_is_named()
    {
        var missing = Path.Combine(_dir, "nope");

        Assert.Equal($"calibration image folder not found: {missing}", Fail(new EngineBuildArguments { Onnx = _float, Int8 = true, CalibrationImages = missing }));
    }

    [Fact]
    public void Calibration_folder_without_images_is_rejected()
    {
        var empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "readme.txt"), "no images here");

        Assert.Equal($"calibration image folder {empty} has no images (.jpg, .jpeg, .png, .bmp, .webp, .tif, .tiff)", Fail(new EngineBuildArguments { Onnx = _float, Int8 = true, CalibrationImages = empty }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Batch_below_one_is_rejected(int batch) =>
        Assert.Equal($"--batch must be at least 1, got {batch}", Fail(new EngineBuildArguments { Onnx = _float, Batch = batch }));

    [Fact]
    public void Batch_above_the_fixed_batch_of_the_model_is_rejected() =>
        Assert.Equal(
            $"{_float} has the fixed input 'images' [1,3,64,64], so --batch 4 cannot apply: export it with dynamic=True (or batch=4)",
            Fail(new EngineBuildArguments { Onnx = _float, Batch = 4 }));

    [Fact]
    public void Zero_workspace_is_rejected() =>
        Assert.Equal("--workspace must be at least 1 (MiB), got 0", Fail(new EngineBuildArguments { Onnx = _float, WorkspaceMiB = 0 }));

    [Fact]
    public void Negative_dla_core_is_rejected() =>
        Assert.StartsWith("--dla must be a DLA core index", Fail(new EngineBuildArguments { Onnx = _float, Fp16 = true, DlaCore = -1 }), StringComparison.Ordinal);

    [Fact]
    public void Dla_in_fp32_is_rejected() =>
        Assert.Equal("--dla needs --fp16 or --int8: DLA has no FP32", Fail(new EngineBuildArguments { Onnx = _float, DlaCore = 0 }));

    [Fact]
    public void Output_over_the_onnx_is_rejected() =>
        Assert.Equal($"--out {_float} would overwrite the ONNX model", Fail(new EngineBuildArguments { Onnx = _float, Output = _float }));

    [Fact]
    public void Output_in_a_missing_folder_is_rejected() =>
        Assert.Equal($"--out: folder not found: {Path.Combine(_dir, "no")}", Fail(new EngineBuildArguments { Onnx = _float, Output = Path.Combine(_dir, "no", "m.engine") }));

    [Fact]
    public void Output_that_is_a_folder_is_rejected() =>
        Assert.Equal($"--out must be a file path, but {_images} is a folder", Fail(new EngineBuildArguments { Onnx = _float, Output = _images }));

    [Fact]
    public void Timing_cache_in_a_missing_folder_is_rejected() =>
        Assert.StartsWith("--timing-cache: folder not found", Fail(new EngineBuildArguments { Onnx = _float, TimingCache = Path.Combine(_dir, "no", "t.cache") }), StringComparison.Ordinal);

    [Fact]
    public void Default_output_names_precision_batch_and_dla()
    {
        Assert.Equal(Path.Combine("/m", "y.int8.b4.dla1.engine"), EngineBuildArguments.DefaultOutput("/m/y.onnx", EnginePrecision.Int8, 4, 1));
        Assert.Equal(Path.Combine("/m", "y.fp32.engine"), EngineBuildArguments.DefaultOutput("/m/y.onnx", EnginePrecision.Fp32, 1, null));
    }

    [RequiresSharedFact("models/yolo11n-pose_int8.onnx")]
    public void Genuine_ultralytics_int8_export_is_taken_as_quantised()
    {
        var plan = new EngineBuildArguments { Onnx = TestPaths.GenuineInt8Model, Int8 = true, Output = Path.Combine(_dir, "g.engine") }.Validate();

        Assert.True(plan.Onnx.IsQuantized);
        Assert.Equal("pose", plan.Onnx.Info.Metadata.Task);
    }
}
