using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// The part of ONNX Runtime's C function table (<c>OrtApi</c>) that EdgePose calls, as C# function pointers
/// read by slot index (<see cref="OrtApiSlot"/>). Pointer arguments are <see cref="nint"/>; strings are UTF-8.
/// Every function that returns an <c>OrtStatus*</c> goes through <see cref="Check"/>.
/// </summary>
/// <remarks>Obtain one from <see cref="OrtLibrary"/>; it lives as long as the process.</remarks>
internal sealed unsafe class OrtApi
{
    // OrtStatus
    public readonly delegate* unmanaged<nint, OrtErrorCode> GetErrorCode;
    public readonly delegate* unmanaged<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged<nint, void> ReleaseStatus;

    // OrtEnv: (logging level, log id, out env)
    public readonly delegate* unmanaged<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged<nint, void> ReleaseEnv;

    // OrtSessionOptions
    public readonly delegate* unmanaged<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionExecutionMode;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionLogSeverityLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged<nint, void> ReleaseSessionOptions;

    // OrtSession: (env, model path, options, out session)
    public readonly delegate* unmanaged<nint, byte*, nint, nint*, nint> CreateSession;

    // (session, run options, input names, inputs, input count, output names, output count, outputs)
    public readonly delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged<nint, void> ReleaseSession;

    // Type information
    public readonly delegate* unmanaged<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseTensorTypeAndShapeInfo;

    // OrtValue: (memory info, data, byte length, shape, rank, element type, out value)
    public readonly delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged<nint, void> ReleaseValue;

    // OrtMemoryInfo: (allocator type, memory type, out info)
    public readonly delegate* unmanaged<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged<nint, void> ReleaseMemoryInfo;

    // OrtAllocator
    public readonly delegate* unmanaged<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged<nint, void*, nint> AllocatorFree;

    // OrtModelMetadata
    public readonly delegate* unmanaged<nint, nint*, nint> SessionGetModelMetadata;
    public readonly delegate* unmanaged<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged<nint, void> ReleaseModelMetadata;

    /// <param name="table">The <c>const OrtApi*</c> that <c>OrtApiBase::GetApi</c> returned.</param>
    /// <param name="version">The library's version string, e.g. "1.20.1".</param>
    public OrtApi(nint table, string version)
    {
        var t = (nint*)table;
        Version = version;
        GetErrorCode = (delegate* unmanaged<nint, OrtErrorCode>)Slot(t, OrtApiSlot.GetErrorCode);
        GetErrorMessage = (delegate* unmanaged<nint, byte*>)Slot(t, OrtApiSlot.GetErrorMessage);
        ReleaseStatus = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseStatus);
        CreateEnv = (delegate* unmanaged<int, byte*, nint*, nint>)Slot(t, OrtApiSlot.CreateEnv);
        ReleaseEnv = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseEnv);
        CreateSessionOptions = (delegate* unmanaged<nint*, nint>)Slot(t, OrtApiSlot.CreateSessionOptions);
        SetSessionExecutionMode = (delegate* unmanaged<nint, int, nint>)Slot(t, OrtApiSlot.SetSessionExecutionMode);
        SetSessionLogSeverityLevel = (delegate* unmanaged<nint, int, nint>)Slot(t, OrtApiSlot.SetSessionLogSeverityLevel);
        SetSessionGraphOptimizationLevel = (delegate* unmanaged<nint, int, nint>)Slot(t, OrtApiSlot.SetSessionGraphOptimizationLevel);
        SetIntraOpNumThreads = (delegate* unmanaged<nint, int, nint>)Slot(t, OrtApiSlot.SetIntraOpNumThreads);
        SetInterOpNumThreads = (delegate* unmanaged<nint, int, nint>)Slot(t, OrtApiSlot.SetInterOpNumThreads);
        ReleaseSessionOptions = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseSessionOptions);
        CreateSession = (delegate* unmanaged<nint, byte*, nint, nint*, nint>)Slot(t, OrtApiSlot.CreateSession);
        Run = (delegate* unmanaged<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Slot(t, OrtApiSlot.Run);
        SessionGetInputCount = (delegate* unmanaged<nint, nuint*, nint>)Slot(t, OrtApiSlot.SessionGetInputCount);
        SessionGetOutputCount = (delegate* unmanaged<nint, nuint*, nint>)Slot(t, OrtApiSlot.SessionGetOutputCount);
        SessionGetInputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)Slot(t, OrtApiSlot.SessionGetInputTypeInfo);
        SessionGetOutputTypeInfo = (delegate* unmanaged<nint, nuint, nint*, nint>)Slot(t, OrtApiSlot.SessionGetOutputTypeInfo);
        SessionGetInputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)Slot(t, OrtApiSlot.SessionGetInputName);
        SessionGetOutputName = (delegate* unmanaged<nint, nuint, nint, byte**, nint>)Slot(t, OrtApiSlot.SessionGetOutputName);
        ReleaseSession = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseSession);
        CastTypeInfoToTensorInfo = (delegate* unmanaged<nint, nint*, nint>)Slot(t, OrtApiSlot.CastTypeInfoToTensorInfo);
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged<nint, int*, nint>)Slot(t, OrtApiSlot.GetOnnxTypeFromTypeInfo);
        GetTensorElementType = (delegate* unmanaged<nint, int*, nint>)Slot(t, OrtApiSlot.GetTensorElementType);
        GetDimensionsCount = (delegate* unmanaged<nint, nuint*, nint>)Slot(t, OrtApiSlot.GetDimensionsCount);
        GetDimensions = (delegate* unmanaged<nint, long*, nuint, nint>)Slot(t, OrtApiSlot.GetDimensions);
        ReleaseTypeInfo = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseTypeInfo);
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseTensorTypeAndShapeInfo);
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(t, OrtApiSlot.CreateTensorWithDataAsOrtValue);
        GetTensorMutableData = (delegate* unmanaged<nint, void**, nint>)Slot(t, OrtApiSlot.GetTensorMutableData);
        GetTensorTypeAndShape = (delegate* unmanaged<nint, nint*, nint>)Slot(t, OrtApiSlot.GetTensorTypeAndShape);
        ReleaseValue = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseValue);
        CreateCpuMemoryInfo = (delegate* unmanaged<int, int, nint*, nint>)Slot(t, OrtApiSlot.CreateCpuMemoryInfo);
        ReleaseMemoryInfo = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseMemoryInfo);
        GetAllocatorWithDefaultOptions = (delegate* unmanaged<nint*, nint>)Slot(t, OrtApiSlot.GetAllocatorWithDefaultOptions);
        AllocatorFree = (delegate* unmanaged<nint, void*, nint>)Slot(t, OrtApiSlot.AllocatorFree);
        SessionGetModelMetadata = (delegate* unmanaged<nint, nint*, nint>)Slot(t, OrtApiSlot.SessionGetModelMetadata);
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged<nint, nint, byte***, long*, nint>)Slot(t, OrtApiSlot.ModelMetadataGetCustomMetadataMapKeys);
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged<nint, nint, byte*, byte**, nint>)Slot(t, OrtApiSlot.ModelMetadataLookupCustomMetadataMap);
        ReleaseModelMetadata = (delegate* unmanaged<nint, void>)Slot(t, OrtApiSlot.ReleaseModelMetadata);
    }

    /// <summary>The library's version string, e.g. "1.20.1".</summary>
    public string Version { get; }

    /// <summary>Throws <see cref="OrtException"/> with ONNX Runtime's message when <paramref name="status"/> is not null (success).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Check(nint status)
    {
        if (status != 0)
        {
            throw TakeError(status);
        }
    }

    /// <summary>Reads code and message out of <paramref name="status"/> and releases it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public OrtException TakeError(nint status)
    {
        try
        {
            var code = GetErrorCode(status);
            var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "(no message)";
            return new OrtException(code, message);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }

    private static nint Slot(nint* table, int index) =>
        table[index] is var fn && fn != 0
            ? fn
            : throw new InvalidOperationException($"ONNX Runtime's function table has no entry {index}");
}
