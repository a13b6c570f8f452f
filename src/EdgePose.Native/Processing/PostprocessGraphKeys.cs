using System.Runtime.InteropServices;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Processing;

/// <summary>
/// Which postprocess calls may use a CUDA graph. <see cref="CudaKernels.Postprocess(ulong, in DecodeParams, CudaPostprocessBuffers, CudaStream)"/>
/// records one graph per (raw output address, parameters) and keeps the last <see cref="Capacity"/> per buffers;
/// a pipeline with more pairs (buffer sets × batch slots in device memory × frame sizes) would record a new graph
/// every frame. The first <see cref="Capacity"/> pairs seen use graphs; later ones launch kernel by kernel. No allocation.
/// </summary>
internal sealed class PostprocessGraphKeys
{
    /// <summary>The graphs CudaPostprocessBuffers keeps.</summary>
    public const int Capacity = 8;

    private readonly ulong[] _raw = new ulong[Capacity];
    private readonly DecodeParams[] _params = new DecodeParams[Capacity];
    private int _count;

    /// <summary>True when (raw, p) has a graph or may record one.</summary>
    public bool UseGraph(ulong raw, in DecodeParams p)
    {
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<DecodeParams>(in p));
        for (int i = 0; i < _count; i++)
        {
            if (_raw[i] == raw && MemoryMarshal.AsBytes(new ReadOnlySpan<DecodeParams>(in _params[i])).SequenceEqual(bytes))
            {
                return true;
            }
        }

        if (_count == Capacity)
        {
            return false;
        }

        _raw[_count] = raw;
        _params[_count++] = p;
        return true;
    }

    /// <summary>Forgets every pair (new postprocess buffers hold no graphs).</summary>
    public void Clear() => _count = 0;
}
