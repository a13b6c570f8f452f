using System.Runtime.InteropServices;
using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime.Handles;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>Reads names, element types and declared shapes of a session's inputs and outputs.</summary>
internal static unsafe class OrtTensorInfoReader
{
    private const int OnnxTypeTensor = 1; // ONNXType.ONNX_TYPE_TENSOR

    public static TensorInfo[] ReadInputs(OrtApi api, OrtSessionHandle session, nint allocator) =>
        ReadAll(api, session, allocator, api.SessionGetInputCount, api.SessionGetInputName, api.SessionGetInputTypeInfo);

    public static TensorInfo[] ReadOutputs(OrtApi api, OrtSessionHandle session, nint allocator) =>
        ReadAll(api, session, allocator, api.SessionGetOutputCount, api.SessionGetOutputName, api.SessionGetOutputTypeInfo);

    private static TensorInfo[] ReadAll(
        OrtApi api,
        OrtSessionHandle session,
        nint allocator,
        delegate* unmanaged<nint, nuint*, nint> getCount,
        delegate* unmanaged<nint, nuint, nint, byte**, nint> getName,
        delegate* unmanaged<nint, nuint, nint*, nint> getTypeInfo)
    {
        nuint count;
        api.Check(getCount(session.Pointer, &count));
        var result = new TensorInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            api.Check(getName(session.Pointer, i, allocator, &name));
            using var nameMemory = new OrtAllocatedMemory(api, allocator, (nint)name);
            nint typeInfo;
            api.Check(getTypeInfo(session.Pointer, i, &typeInfo));
            using var typeInfoHandle = new OrtTypeInfoHandle(api, typeInfo);
            result[(int)i] = Read(api, Marshal.PtrToStringUTF8((nint)name) ?? "", typeInfoHandle);
        }

        return result;
    }

    /// <summary>
    /// A non-tensor value (sequence, map) comes back as <see cref="TensorElementType.Undefined"/> with rank 0.
    /// Dynamic dimensions are -1.
    /// </summary>
    private static TensorInfo Read(OrtApi api, string name, OrtTypeInfoHandle typeInfo)
    {
        int onnxType;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo.Pointer, &onnxType));
        if (onnxType != OnnxTypeTensor)
        {
            return new TensorInfo(name, TensorElementType.Undefined, new TensorShape([]));
        }

        // Owned by typeInfo: not released on its own.
        nint tensorInfo;
        api.Check(api.CastTypeInfoToTensorInfo(typeInfo.Pointer, &tensorInfo));
        int elementType;
        api.Check(api.GetTensorElementType(tensorInfo, &elementType));
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank));
        var dims = new long[(int)rank];
        fixed (long* d = dims)
        {
            api.Check(api.GetDimensions(tensorInfo, d, rank));
        }

        for (var i = 0; i < dims.Length; i++)
        {
            dims[i] = dims[i] < 0 ? -1 : dims[i];
        }

        return new TensorInfo(name, (TensorElementType)elementType, new TensorShape(dims));
    }
}
