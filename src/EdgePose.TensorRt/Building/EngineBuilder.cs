using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using EdgePose.Core.Errors;
using EdgePose.Native.Cuda;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.TensorRt.Compatibility;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Building;

/// <summary>
/// Builds a TensorRT engine from an ONNX model on this machine's GPU and writes it as a plain plan
/// plus its sidecar JSON. Needs TensorRT (<see cref="TensorRtNotFoundException"/> otherwise).
/// </summary>
public static class EngineBuilder
{
    private const string CalibrationPhase = "INT8 calibration";

    /// <summary>
    /// Builds <paramref name="plan"/>. INT8 calibration (a non-QDQ model with images) needs
    /// <paramref name="preprocessor"/>. Cancelling <paramref name="ct"/> stops the build at the next
    /// progress report.
    /// </summary>
    public static unsafe EngineBuildResult Build(
        EngineBuildPlan plan,
        IProgress<EngineBuildProgress>? progress = null,
        ICalibrationPreprocessor? preprocessor = null,
        CancellationToken ct = default)
    {
        TensorRtLibrary.EnsureAvailable();
        if (plan.NeedsCalibration && preprocessor is null)
        {
            throw new ArgumentNullException(nameof(preprocessor), "INT8 calibration from images needs the inference preprocessing");
        }

        var clock = Stopwatch.StartNew();
        var environment = BuildEnvironment.Current();
        var flags = plan.Flags;
        var relay = new ProgressRelay(progress, ct);
        var relayHandle = GCHandle.Alloc(relay);
        CudaPrimaryContext? cudaContext = null;
        CalibrationBatchFeeder? feeder = null;
        try
        {
            var timingCache = TrtText.ToNative(flags.TimingCache);
            var options = TrtBuildOptions.Create();
            options.PrecisionFlags = flags.Precision switch
            {
                EnginePrecision.Fp16 => TrtAbi.PrecisionFp16,
                EnginePrecision.Int8 => TrtAbi.PrecisionInt8 | TrtAbi.PrecisionFp16,
                _ => 0,
            };
            options.WorkspaceBytes = flags.WorkspaceMiB is { } mib ? (ulong)mib << 20 : 0;
            options.DlaCore = flags.DlaCore ?? -1;
            options.MaxBatch = flags.Batch;
            options.TimingCachePath = timingCache.Pointer;
            options.Progress = &OnProgress;
            options.ProgressUser = GCHandle.ToIntPtr(relayHandle);

            var profiles = stackalloc TrtInputProfile[plan.InputProfiles.Count];
            var profileNames = new NativeStrings(plan.InputProfiles.Select(p => p.Name));
            for (var i = 0; i < plan.InputProfiles.Count; i++)
            {
                profiles[i] = ToNative(plan.InputProfiles[i], profileNames[i]);
            }

            options.InputProfileCount = plan.InputProfiles.Count;
            options.InputProfiles = profiles;

            TrtCalibrator calibrator = default;
            if (plan.NeedsCalibration)
            {
                cudaContext = CudaDevice.Get(0).RetainPrimaryContext();
                feeder = new CalibrationBatchFeeder(plan.CalibrationImages, preprocessor!, cudaContext,
                    (done, total) => relay.Report(new EngineBuildProgress(CalibrationPhase, null, done, total, false)));
                calibrator = feeder.ToNative(null);
                options.Calibrator = &calibrator;
            }

            var status = TrtApi.ept_build_engine_from_onnx(plan.OnnxPath, &options, out var blob);

            // The wrapper read these strings' pinned bytes during the call: keep them alive until it returned.
            GC.KeepAlive(timingCache);
            GC.KeepAlive(profileNames);
            using (blob)
            {
                if (feeder?.Failure is { } failure)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }

                ct.ThrowIfCancellationRequested();
                TrtErrors.Check(status);
                return Write(plan, blob.AsSpan(), environment, clock) with { SkippedCalibrationImages = feeder?.Skipped.ToArray() ?? [] };
            }
        }
        finally
        {
            feeder?.Dispose();
            cudaContext?.Dispose();
            relayHandle.Free();
        }
    }

    private static unsafe TrtInputProfile ToNative(InputProfile profile, byte* name)
    {
        if (profile.Min.Length > TrtAbi.MaxDims)
        {
            throw new InputException($"input '{profile.Name}' has rank {profile.Min.Length}; TensorRT allows {TrtAbi.MaxDims}");
        }

        var p = new TrtInputProfile { Name = name, Rank = profile.Min.Length };
        for (var d = 0; d < profile.Min.Length; d++)
        {
            p.Min[d] = profile.Min[d];
            p.Opt[d] = profile.Opt[d];
            p.Max[d] = profile.Max[d];
        }

        return p;
    }

    private static EngineBuildResult Write(EngineBuildPlan plan, ReadOnlySpan<byte> bytes, BuildEnvironment environment, Stopwatch clock)
    {
        var sidecar = new EngineSidecar
        {
            PlanSha256 = Sha256Hex.Of(bytes),
            PlanBytes = bytes.Length,
            OnnxPath = plan.OnnxPath,
            OnnxSha256 = Sha256Hex.OfFile(plan.OnnxPath),
            TensorRt = environment.TensorRt,
            Gpu = environment.Gpu,
            Build = plan.Flags,
            CreatedUtc = DateTimeOffset.UtcNow,
            ModelMetadata = plan.Onnx.Info.MetadataProps,
        };
        var sidecarPath = EngineSidecar.PathFor(plan.OutputPath);
        WriteAtomically(plan.OutputPath, bytes);
        WriteAtomically(sidecarPath, System.Text.Encoding.UTF8.GetBytes(EngineSidecarJson.Write(sidecar)));
        return new EngineBuildResult(plan.OutputPath, sidecarPath, sidecar, clock.Elapsed);
    }

    private static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(bytes);
        }

        File.Move(temp, path, overwrite: true);
    }

    [UnmanagedCallersOnly]
    private static unsafe int OnProgress(nint user, byte* phase, byte* parent, int step, int steps)
    {
        try
        {
            var relay = (ProgressRelay)GCHandle.FromIntPtr(user).Target!;
            var report = new EngineBuildProgress(TrtText.FromPointer(phase), parent == null ? null : TrtText.FromPointer(parent), Math.Max(step, 0), steps, step < 0);
            return relay.Report(report) ? 0 : 1;
        }
        catch (Exception)
        {
            return 0; // nothing may unwind into TensorRT; a lost report is harmless
        }
    }

    /// <summary>Progress reports to the caller; answers "stop" once the build is cancelled.</summary>
    private sealed class ProgressRelay(IProgress<EngineBuildProgress>? progress, CancellationToken ct)
    {
        public bool Report(EngineBuildProgress report)
        {
            try
            {
                progress?.Report(report);
            }
            catch (Exception)
            {
                // A failing progress sink must not unwind into TensorRT.
            }

            return !ct.IsCancellationRequested;
        }
    }
}
