using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda;

/// <summary>
/// Raw CUDA driver API entry points (libcuda.so.1), the few EdgePose needs: devices, primary contexts,
/// device, pinned and mapped host memory, async and 2D copies, streams, events, host callbacks, PTX modules and launches. Every function returns a
/// <see cref="CudaResult"/>; the typed wrappers (<see cref="CudaDevice"/>, <see cref="CudaPrimaryContext"/>,
/// <see cref="CudaDeviceBuffer"/>, <see cref="CudaPinnedBuffer"/>, <see cref="CudaStream"/>) check it.
/// Names are the ABI symbols behind cuda.h's macros (cuMemAlloc is cuMemAlloc_v2, ...).
/// </summary>
internal static unsafe partial class CudaDriverApi
{
    private const string Lib = NativeLibraries.CudaDriver;

    public const int AttributeIntegrated = 18;
    public const int AttributeComputeCapabilityMajor = 75;
    public const int AttributeComputeCapabilityMinor = 76;

    [LibraryImport(Lib)]
    public static partial CudaResult cuInit(uint flags);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDriverGetVersion(out int version);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGetErrorName(CudaResult error, out byte* name);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGetErrorString(CudaResult error, out byte* text);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDeviceGetCount(out int count);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDeviceGet(out int device, int ordinal);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDeviceGetName(byte* name, int length, int device);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDeviceGetAttribute(out int value, int attribute, int device);

    [LibraryImport(Lib, EntryPoint = "cuDeviceTotalMem_v2")]
    public static partial CudaResult cuDeviceTotalMem(out nuint bytes, int device);

    [LibraryImport(Lib)]
    public static partial CudaResult cuDevicePrimaryCtxRetain(out nint context, int device);

    [LibraryImport(Lib, EntryPoint = "cuDevicePrimaryCtxRelease_v2")]
    public static partial CudaResult cuDevicePrimaryCtxRelease(int device);

    [LibraryImport(Lib)]
    public static partial CudaResult cuCtxSetCurrent(nint context);

    [LibraryImport(Lib, EntryPoint = "cuCtxPushCurrent_v2")]
    public static partial CudaResult cuCtxPushCurrent(nint context);

    [LibraryImport(Lib, EntryPoint = "cuCtxPopCurrent_v2")]
    public static partial CudaResult cuCtxPopCurrent(out nint context);

    [LibraryImport(Lib, EntryPoint = "cuMemAlloc_v2")]
    public static partial CudaResult cuMemAlloc(out ulong devicePointer, nuint bytes);

    [LibraryImport(Lib, EntryPoint = "cuMemFree_v2")]
    public static partial CudaResult cuMemFree(ulong devicePointer);

    [LibraryImport(Lib, EntryPoint = "cuMemAllocHost_v2")]
    public static partial CudaResult cuMemAllocHost(out nint hostPointer, nuint bytes);

    [LibraryImport(Lib)]
    public static partial CudaResult cuMemFreeHost(nint hostPointer);

    [LibraryImport(Lib, EntryPoint = "cuMemcpyHtoDAsync_v2")]
    public static partial CudaResult cuMemcpyHtoDAsync(ulong destination, void* source, nuint bytes, nint stream);

    [LibraryImport(Lib, EntryPoint = "cuMemcpyDtoHAsync_v2")]
    public static partial CudaResult cuMemcpyDtoHAsync(void* destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(Lib)]
    public static partial CudaResult cuStreamCreate(out nint stream, uint flags);

    [LibraryImport(Lib)]
    public static partial CudaResult cuStreamSynchronize(nint stream);

    [LibraryImport(Lib, EntryPoint = "cuStreamDestroy_v2")]
    public static partial CudaResult cuStreamDestroy(nint stream);

    [LibraryImport(Lib)]
    public static partial CudaResult cuLaunchHostFunc(nint stream, delegate* unmanaged<nint, void> function, nint userData);

    public const uint HostAllocPortable = 1;   // CU_MEMHOSTALLOC_PORTABLE
    public const uint HostAllocDeviceMap = 2;  // CU_MEMHOSTALLOC_DEVICEMAP
    public const uint EventDisableTiming = 2;  // CU_EVENT_DISABLE_TIMING
    public const int JitErrorLogBuffer = 5;    // CU_JIT_ERROR_LOG_BUFFER
    public const int JitErrorLogBufferSize = 6; // CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES

    [LibraryImport(Lib, EntryPoint = "cuMemHostAlloc")]
    public static partial CudaResult cuMemHostAlloc(out nint hostPointer, nuint bytes, uint flags);

    [LibraryImport(Lib, EntryPoint = "cuMemHostGetDevicePointer_v2")]
    public static partial CudaResult cuMemHostGetDevicePointer(out ulong devicePointer, nint hostPointer, uint flags);

    [LibraryImport(Lib, EntryPoint = "cuMemcpy2DAsync_v2")]
    public static partial CudaResult cuMemcpy2DAsync(CudaMemcpy2D* copy, nint stream);

    [LibraryImport(Lib, EntryPoint = "cuMemcpyDtoDAsync_v2")]
    public static partial CudaResult cuMemcpyDtoDAsync(ulong destination, ulong source, nuint bytes, nint stream);

    [LibraryImport(Lib, EntryPoint = "cuMemsetD32Async")]
    public static partial CudaResult cuMemsetD32Async(ulong destination, uint value, nuint count, nint stream);

    [LibraryImport(Lib)]
    public static partial CudaResult cuStreamWaitEvent(nint stream, nint cudaEvent, uint flags);

    [LibraryImport(Lib)]
    public static partial CudaResult cuEventCreate(out nint cudaEvent, uint flags);

    [LibraryImport(Lib)]
    public static partial CudaResult cuEventRecord(nint cudaEvent, nint stream);

    [LibraryImport(Lib)]
    public static partial CudaResult cuEventQuery(nint cudaEvent);

    [LibraryImport(Lib)]
    public static partial CudaResult cuEventSynchronize(nint cudaEvent);

    [LibraryImport(Lib)]
    public static partial CudaResult cuEventElapsedTime(out float milliseconds, nint start, nint end);

    [LibraryImport(Lib, EntryPoint = "cuEventDestroy_v2")]
    public static partial CudaResult cuEventDestroy(nint cudaEvent);

    [LibraryImport(Lib)]
    public static partial CudaResult cuModuleLoadDataEx(out nint module, void* image, uint optionCount, int* options, void** optionValues);

    [LibraryImport(Lib)]
    public static partial CudaResult cuModuleUnload(nint module);

    [LibraryImport(Lib)]
    public static partial CudaResult cuModuleGetFunction(out nint function, nint module, byte* name);

    [LibraryImport(Lib)]
    public static partial CudaResult cuLaunchKernel(
        nint function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, uint blockZ,
        uint sharedMemoryBytes, nint stream, void** kernelParams, void** extra);

    // CUDA graphs (driver 11.4+ for cuGraphInstantiateWithFlags; older drivers lack the symbol and the
    // kernels launch one by one).
    [LibraryImport(Lib, EntryPoint = "cuStreamBeginCapture_v2")]
    public static partial CudaResult cuStreamBeginCapture(nint stream, int mode);

    [LibraryImport(Lib)]
    public static partial CudaResult cuStreamEndCapture(nint stream, out nint graph);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGraphInstantiateWithFlags(out nint graphExec, nint graph, ulong flags);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGraphLaunch(nint graphExec, nint stream);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGraphExecDestroy(nint graphExec);

    [LibraryImport(Lib)]
    public static partial CudaResult cuGraphDestroy(nint graph);

    [LibraryImport(Lib)]
    public static partial CudaResult cuFuncGetAttribute(out int value, int attribute, nint function);
}
