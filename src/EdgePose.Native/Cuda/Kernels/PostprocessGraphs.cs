using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The CUDA graphs of one set of postprocess buffers, by (raw output address, parameters). The first
/// <see cref="Capacity"/> pairs get a graph each and keep it; later pairs get none and launch kernel by kernel.
/// Evicting instead would record a graph every frame in a pipeline with more pairs than graphs (buffer sets ×
/// device batch slots × frame sizes). No allocation once made.
/// </summary>
internal sealed class PostprocessGraphs<TGraph> : IDisposable
    where TGraph : class, IDisposable
{
    public const int Capacity = 8;

    private readonly ulong[] _raw = new ulong[Capacity];
    private readonly DecodeParams[] _params = new DecodeParams[Capacity];
    private readonly TGraph[] _graphs = new TGraph[Capacity];
    private int _count;

    /// <summary>The graph recorded for (raw, p), or null; <paramref name="mayRecord"/> says whether one may be added for it.</summary>
    public TGraph? Find(ulong raw, in DecodeParams p, out bool mayRecord)
    {
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<DecodeParams>(in p));
        for (int i = 0; i < _count; i++)
        {
            if (_raw[i] == raw && MemoryMarshal.AsBytes(new ReadOnlySpan<DecodeParams>(in _params[i])).SequenceEqual(bytes))
            {
                mayRecord = false;
                return _graphs[i];
            }
        }

        mayRecord = _count < Capacity;
        return null;
    }

    /// <summary>Keeps <paramref name="graph"/> for (raw, p); only after <see cref="Find"/> said it may.</summary>
    public void Add(ulong raw, in DecodeParams p, TGraph graph)
    {
        if (_count == Capacity)
        {
            throw new InvalidOperationException($"the postprocess buffers keep {Capacity} graphs at most");
        }

        (_raw[_count], _params[_count], _graphs[_count]) = (raw, p, graph);
        _count++;
    }

    public void Dispose()
    {
        for (int i = 0; i < _count; i++)
        {
            _graphs[i].Dispose();
        }

        _count = 0;
    }
}
