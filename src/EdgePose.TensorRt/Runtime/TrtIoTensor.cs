using EdgePose.Core.Engines;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// One I/O tensor of a TensorRT engine, managed: its index (how the wrapper names it), name, element type,
/// engine-level shape (-1 where only the run time fixes it) and memory format. Read from the marshalled
/// <see cref="TrtIoTensorNative"/>.
/// </summary>
public sealed record TrtIoTensor(
    int Index,
    string Name,
    bool IsInput,
    TensorElementType ElementType,
    TensorShape Shape,
    int Format,
    string FormatDescription,
    int VectorizedDim,
    int ComponentsPerElement,
    int BytesPerComponent)
{
    /// <summary>TensorFormat::kLINEAR: plain row-major, what host code reads and writes.</summary>
    public bool IsLinear => Format == 0;

    /// <summary>Reads the wrapper's struct (fixed UTF-8 arrays, fixed dims).</summary>
    public static unsafe TrtIoTensor FromNative(int index, in TrtIoTensorNative info)
    {
        fixed (TrtIoTensorNative* p = &info)
        {
            var rank = Math.Clamp(p->Rank, 0, TrtAbi.MaxDims);
            return new TrtIoTensor(
                index,
                TrtText.FromFixed(new ReadOnlySpan<byte>(p->Name, TrtAbi.NameCapacity)),
                p->IoMode == TrtAbi.IoInput,
                (TensorElementType)p->DataType,
                new TensorShape(new ReadOnlySpan<long>(p->Dims, rank).ToArray()),
                p->Format,
                TrtText.FromFixed(new ReadOnlySpan<byte>(p->FormatDescription, TrtAbi.NameCapacity)),
                p->VectorizedDim,
                p->ComponentsPerElement,
                p->BytesPerComponent);
        }
    }

    public override string ToString() => $"{(IsInput ? "input" : "output")} {Name} {ElementType} {Shape} ({FormatDescription})";
}
