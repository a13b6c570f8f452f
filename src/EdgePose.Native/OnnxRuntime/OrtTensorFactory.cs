using EdgePose.Core.Engines;
using EdgePose.Native.OnnxRuntime.Handles;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>Makes <c>OrtValue</c> tensors over host buffers that we own.</summary>
internal static unsafe class OrtTensorFactory
{
    private const int ElementTypeFloat = 1; // ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT

    /// <summary>
    /// A float32 tensor of <paramref name="shape"/> over <paramref name="pinned"/> (from <see cref="PinnedArray"/>).
    /// The value does not own the buffer: the caller keeps the array alive at least as long as the value.
    /// </summary>
    public static OrtValueHandle OverBuffer(OrtApi api, OrtMemoryInfoHandle cpu, float[] pinned, TensorShape shape)
    {
        nint value;
        fixed (long* dims = shape.Dims)
        {
            api.Check(api.CreateTensorWithDataAsOrtValue(
                cpu.Pointer,
                PinnedArray.Address(pinned),
                (nuint)pinned.Length * sizeof(float),
                dims,
                (nuint)shape.Rank,
                ElementTypeFloat,
                &value));
        }

        return new OrtValueHandle(api, value);
    }
}
