namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Positions, in ONNX Runtime's <c>OrtApi</c> function table, of the functions EdgePose calls.
/// </summary>
/// <remarks>
/// <para>
/// <c>OrtApi</c> (include/onnxruntime/core/session/onnxruntime_c_api.h) is a C struct whose members are
/// all function pointers, so member N sits at byte offset N × pointer size. ONNX Runtime only ever appends
/// to it (its ABI promise), so an index taken from the 1.20 header is valid for every library that serves
/// API version 20 or later.
/// </para>
/// <para>
/// The indices below were counted in the declaration order of <c>struct OrtApi</c> of the 1.20 header
/// (<c>ORT_API_VERSION 20</c>, 285 members, the last being <c>SetEpDynamicOptions</c>), and the prefix was
/// checked against the same header of later releases and of older ones. Only what EdgePose uses is bound.
/// </para>
/// </remarks>
internal static class OrtApiSlot
{
    public const int GetErrorCode = 1;
    public const int GetErrorMessage = 2;
    public const int CreateEnv = 3;
    public const int CreateSession = 7;
    public const int Run = 9;
    public const int CreateSessionOptions = 10;
    public const int SetSessionExecutionMode = 13;
    public const int SetSessionLogSeverityLevel = 22;
    public const int SetSessionGraphOptimizationLevel = 23;
    public const int SetIntraOpNumThreads = 24;
    public const int SetInterOpNumThreads = 25;
    public const int SessionGetInputCount = 30;
    public const int SessionGetOutputCount = 31;
    public const int SessionGetInputTypeInfo = 33;
    public const int SessionGetOutputTypeInfo = 34;
    public const int SessionGetInputName = 36;
    public const int SessionGetOutputName = 37;
    public const int CreateTensorWithDataAsOrtValue = 49;
    public const int GetTensorMutableData = 51;
    public const int CastTypeInfoToTensorInfo = 55;
    public const int GetOnnxTypeFromTypeInfo = 56;
    public const int GetTensorElementType = 60;
    public const int GetDimensionsCount = 61;
    public const int GetDimensions = 62;
    public const int GetTensorTypeAndShape = 65;
    public const int CreateCpuMemoryInfo = 69;
    public const int AllocatorFree = 76;
    public const int GetAllocatorWithDefaultOptions = 78;
    public const int ReleaseEnv = 92;
    public const int ReleaseStatus = 93;
    public const int ReleaseMemoryInfo = 94;
    public const int ReleaseSession = 95;
    public const int ReleaseValue = 96;
    public const int ReleaseTypeInfo = 98;
    public const int ReleaseTensorTypeAndShapeInfo = 99;
    public const int ReleaseSessionOptions = 100;
    public const int SessionGetModelMetadata = 111;
    public const int ModelMetadataLookupCustomMetadataMap = 116;
    public const int ReleaseModelMetadata = 118;
    public const int ModelMetadataGetCustomMetadataMapKeys = 123;
}
