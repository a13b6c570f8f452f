using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>
/// Raw entry points of libedgepose_trt.so (native/trt_wrapper/include/edgepose_trt.h). EdgePose.TensorRt
/// wraps them; every call returns a <see cref="TrtStatus"/> and, on failure, <see cref="ept_last_error"/>
/// holds the calling thread's one-line message. Tensors are passed by index, so per-frame calls carry no
/// strings.
/// </summary>
internal static unsafe partial class TrtApi
{
    private const string Lib = NativeLibraries.TensorRtWrapper;

    [LibraryImport(Lib)]
    public static partial byte* ept_last_error();

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_set_log_callback(delegate* unmanaged<nint, int, byte*, void> fn, nint user, int maxSeverity);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_get_version(TrtVersionInfo* info);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_get_gpu_info(int device, TrtGpuInfo* info);

    [LibraryImport(Lib)]
    public static partial void* ept_blob_data(nint blob);

    [LibraryImport(Lib)]
    public static partial ulong ept_blob_size(nint blob);

    [LibraryImport(Lib)]
    public static partial void ept_blob_destroy(nint blob);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial TrtStatus ept_build_engine_from_onnx(string onnxPath, TrtBuildOptions* options, out TrtBlobHandle plan);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_deserialize(byte* plan, ulong size, int dlaCore, out TrtEngineHandle engine);

    [LibraryImport(Lib)]
    public static partial void ept_engine_destroy(nint engine);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_serialize(TrtEngineHandle engine, out TrtBlobHandle plan);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_io_count(TrtEngineHandle engine, out int count);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_io_info(TrtEngineHandle engine, int index, TrtIoTensorNative* info);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_profile_count(TrtEngineHandle engine, out int count);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_profile_shape(TrtEngineHandle engine, int index, int profile, int which, out int rank, long* dims);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_engine_device_memory_size(TrtEngineHandle engine, out ulong bytes);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_context_create(TrtEngineHandle engine, out TrtContextHandle context);

    [LibraryImport(Lib)]
    public static partial void ept_context_destroy(nint context);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_context_set_input_shape(TrtContextHandle context, int index, int rank, long* dims);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_context_tensor_shape(TrtContextHandle context, int index, out int rank, long* dims);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_context_set_tensor_address(TrtContextHandle context, int index, nint devicePointer);

    [LibraryImport(Lib)]
    public static partial TrtStatus ept_context_enqueue(TrtContextHandle context, nint stream);
}
