namespace EdgePose.Native.Cuda;

/// <summary>
/// Loading and initialising the CUDA driver API once per process. <see cref="TryInitialize"/> tells
/// whether this machine has a usable NVIDIA GPU, and why not in one line when it does not.
/// </summary>
public static class CudaDriver
{
    private static readonly Lazy<string?> s_failure = new(InitializeOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when libcuda loaded, cuInit succeeded and at least one GPU is visible.</summary>
    public static bool TryInitialize(out string? whyNot)
    {
        whyNot = s_failure.Value;
        return whyNot is null;
    }

    /// <summary>Initialises the driver or throws <see cref="CudaException"/> saying why it cannot.</summary>
    public static void Initialize()
    {
        if (!TryInitialize(out var whyNot))
        {
            throw new CudaException(whyNot!);
        }
    }

    /// <summary>The driver's CUDA version, e.g. 12020 for 12.2.</summary>
    public static int DriverVersion
    {
        get
        {
            Initialize();
            CudaException.ThrowIfFailed(CudaDriverApi.cuDriverGetVersion(out var v), "cuDriverGetVersion");
            return v;
        }
    }

    private static string? InitializeOnce()
    {
        try
        {
            var result = CudaDriverApi.cuInit(0);
            if (result != CudaResult.Success)
            {
                return $"CUDA driver could not start: {CudaException.Describe(result)}";
            }

            result = CudaDriverApi.cuDeviceGetCount(out var count);
            if (result != CudaResult.Success)
            {
                return $"CUDA driver cannot count GPUs: {CudaException.Describe(result)}";
            }

            return count > 0 ? null : "no NVIDIA GPU is visible to the CUDA driver";
        }
        catch (DllNotFoundException)
        {
            return "CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver";
        }
        catch (EntryPointNotFoundException e)
        {
            return $"CUDA driver too old: {e.Message}";
        }
    }
}
