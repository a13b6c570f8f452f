using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda;

/// <summary>A CUDA driver call failed; the message names the call and CUDA's own words for the error.</summary>
public sealed class CudaException : Exception
{
    public CudaException(string message)
        : base(message)
    {
    }

    public CudaException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CudaException()
    {
    }

    public CudaResult Result { get; init; }

    /// <summary>True when the driver library itself (libcuda.so.1) could not be loaded: no NVIDIA driver here.</summary>
    public bool DriverMissing { get; init; }

    /// <summary>Throws for anything but <see cref="CudaResult.Success"/>: "cuMemAlloc failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)".</summary>
    internal static void ThrowIfFailed(CudaResult result, string call)
    {
        if (result != CudaResult.Success)
        {
            throw new CudaException($"{call} failed: {Describe(result)}") { Result = result };
        }
    }

    /// <summary>CUDA's name and text for <paramref name="result"/>, e.g. "CUDA_ERROR_NO_DEVICE (no CUDA-capable device is detected)".</summary>
    internal static unsafe string Describe(CudaResult result)
    {
        string? name = null;
        string? text = null;
        try
        {
            if (CudaDriverApi.cuGetErrorName(result, out var n) == CudaResult.Success && n != null)
            {
                name = Marshal.PtrToStringUTF8((nint)n);
            }

            if (CudaDriverApi.cuGetErrorString(result, out var t) == CudaResult.Success && t != null)
            {
                text = Marshal.PtrToStringUTF8((nint)t);
            }
        }
        catch (DllNotFoundException)
        {
            // Describing an error must not hide it.
        }

        return (name, text) switch
        {
            (not null, not null) => $"{name} ({text})",
            (not null, null) => name,
            _ => $"CUresult {(int)result}",
        };
    }
}
