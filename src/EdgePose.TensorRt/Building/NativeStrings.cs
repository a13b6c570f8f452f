using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Building;

/// <summary>Several strings as null-terminated UTF-8 in unmanaged memory, freed together.</summary>
internal sealed unsafe class NativeStrings : IDisposable
{
    private readonly TrtText.NativeUtf8[] _strings;

    public NativeStrings(IEnumerable<string> strings) => _strings = strings.Select(TrtText.ToNative).ToArray();

    public byte* this[int index] => _strings[index].Pointer;

    public void Dispose()
    {
        foreach (var s in _strings)
        {
            s.Dispose();
        }
    }
}
