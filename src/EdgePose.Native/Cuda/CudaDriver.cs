namespace EdgePose.Native.Cuda;

/// <summary>
/// Loading and initialising the CUDA driver API once per process. <see cref="TryInitialize"/> tells
/// whether this machine has a usable NVIDIA GPU, and why not in one line when it does not.
/// </summary>
public static class CudaDriver
{
    private static readonly Lazy<CudaException?> s_failure = new(InitializeOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>True when libcuda loaded, cuInit succeeded and at least one GPU is visible.</summary>
    public static bool TryInitialize(out string? whyNot)
    {
        whyNot = s_failure.Value?.Message;
        return whyNot is null;
    }

    /// <summary>
    /// Initialises the driver or throws <see cref="CudaException"/> saying why it cannot: with
    /// <see cref="CudaException.DriverMissing"/> set when libcuda.so.1 is absent, and CUDA's result otherwise
    /// (<see cref="CudaResult.NoDevice"/> when no GPU is visible).
    /// </summary>
    public static void Initialize()
    {
        if (s_failure.Value is { } failure)
        {
            throw new CudaException(failure.Message) { Result = failure.Result, DriverMissing = failure.DriverMissing };
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

    private static CudaException? InitializeOnce()
    {
        try
        {
            var result = CudaDriverApi.cuInit(0);
            if (result != CudaResult.Success)
            {
                return new CudaException($"CUDA driver could not start: {CudaException.Describe(result)}") { Result = result };
            }

            result = CudaDriverApi.cuDeviceGetCount(out var count);
            if (result != CudaResult.Success)
            {
                return new CudaException($"CUDA driver cannot count GPUs: {CudaException.Describe(result)}") { Result = result };
            }

            return count > 0 ? null : new CudaException("no NVIDIA GPU is visible to the CUDA driver") { Result = CudaResult.NoDevice };
        }
        catch (DllNotFoundException)
        {
            return new CudaException("CUDA driver (libcuda.so.1) not found: this machine has no NVIDIA driver") { DriverMissing = true };
        }
        catch (EntryPointNotFoundException e)
        {
            return new CudaException($"CUDA driver too old: {e.Message}") { Result = CudaResult.Unknown };
        }
    }
}
