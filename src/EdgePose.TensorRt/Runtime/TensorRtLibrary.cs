using EdgePose.Native;
using EdgePose.Native.Cuda;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Compatibility;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// Whether this machine can run TensorRT (our libedgepose_trt.so and TensorRT's own libraries load, and
/// the wrapper speaks this ABI), and the versions involved.
/// </summary>
public static class TensorRtLibrary
{
    private static readonly Lazy<(TrtVersionInfo Info, string? WhyNot)> s_probe = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when TensorRT is usable here; otherwise <paramref name="whyNot"/> says why in one line.</summary>
    public static bool IsAvailable(out string? whyNot)
    {
        whyNot = s_probe.Value.WhyNot;
        return whyNot is null;
    }

    /// <summary>Throws <see cref="TensorRtNotFoundException"/> unless TensorRT is usable here.</summary>
    public static void EnsureAvailable()
    {
        if (!IsAvailable(out var whyNot))
        {
            throw new TensorRtNotFoundException(whyNot!);
        }
    }

    /// <summary>The TensorRT loaded at run time (what plans must match).</summary>
    public static TensorRtVersion Version
    {
        get
        {
            EnsureAvailable();
            var v = s_probe.Value.Info;
            return new TensorRtVersion(v.LibraryMajor, v.LibraryMinor, v.LibraryPatch);
        }
    }

    /// <summary>The TensorRT headers the wrapper was compiled against.</summary>
    public static TensorRtVersion CompiledVersion
    {
        get
        {
            EnsureAvailable();
            var v = s_probe.Value.Info;
            return new TensorRtVersion(v.HeaderMajor, v.HeaderMinor, v.HeaderPatch);
        }
    }

    /// <summary>CUDA GPU <paramref name="device"/> as TensorRT sees it.</summary>
    public static unsafe GpuIdentity GetGpu(int device = 0)
    {
        EnsureAvailable();
        TrtGpuInfo info;
        TrtErrors.Check(TrtApi.ept_get_gpu_info(device, &info));
        return new GpuIdentity(TrtText.FromFixed(new ReadOnlySpan<byte>(info.Name, TrtAbi.NameCapacity)), new ComputeCapability(info.ComputeMajor, info.ComputeMinor));
    }

    /// <summary>"TensorRT 10.3.0 (compiled against 10.3.0), CUDA runtime 12.6" or why TensorRT is absent.</summary>
    public static string Describe()
    {
        if (!IsAvailable(out var whyNot))
        {
            return whyNot!;
        }

        var v = s_probe.Value.Info;
        var cuda = v.CudaRuntimeVersion > 0 ? $", CUDA runtime {v.CudaRuntimeVersion / 1000}.{v.CudaRuntimeVersion % 1000 / 10}" : "";
        return $"TensorRT {Version} (compiled against {CompiledVersion}){cuda}";
    }

    private static unsafe (TrtVersionInfo, string?) Probe()
    {
        const string hint = "scripts/setup.sh builds it only where TensorRT is installed (JetPack on a Jetson, or TENSORRT_ROOT)";
        try
        {
            NativeLibraries.Load(NativeLibraries.TensorRtWrapper);
            TrtVersionInfo info;
            var status = TrtApi.ept_get_version(&info);
            if (status != TrtStatus.Ok)
            {
                return (default, $"TensorRT was not found on this machine: {TrtErrors.LastError()}");
            }

            if (info.AbiVersion != TrtAbi.Version)
            {
                return (default, $"TensorRT wrapper ABI {info.AbiVersion} does not match this EdgePose build (ABI {TrtAbi.Version}): rebuild with scripts/setup.sh");
            }

            return (info, null);
        }
        catch (DllNotFoundException e)
        {
            return (default, $"TensorRT was not found on this machine: {e.Message.ReplaceLineEndings(" ")}; {hint}");
        }
        catch (EntryPointNotFoundException e)
        {
            return (default, $"TensorRT wrapper is out of date ({e.Message}): rebuild with scripts/setup.sh");
        }
    }
}
