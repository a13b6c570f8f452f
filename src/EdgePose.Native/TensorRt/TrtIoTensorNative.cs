using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>
/// ept_tensor_info as marshalled (the C layout): one I/O tensor of an engine, as the wrapper fills it.
/// EdgePose.TensorRt reads it into the managed <c>TrtIoTensor</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtIoTensorNative
{
    public fixed byte Name[TrtAbi.NameCapacity];

    /// <summary>-1 for a dimension fixed only at run time.</summary>
    public fixed long Dims[TrtAbi.MaxDims];
    public int Rank;

    /// <summary><see cref="TrtAbi.IoInput"/> or <see cref="TrtAbi.IoOutput"/>.</summary>
    public int IoMode;

    /// <summary>ONNX TensorProto.DataType numbering, as EdgePose.Core's TensorElementType.</summary>
    public int DataType;

    /// <summary>TensorRT's TensorFormat: 0 = linear (row-major).</summary>
    public int Format;
    public int VectorizedDim;
    public int ComponentsPerElement;
    public int BytesPerComponent;
    public fixed byte FormatDescription[TrtAbi.NameCapacity];
    public int Reserved;
}
