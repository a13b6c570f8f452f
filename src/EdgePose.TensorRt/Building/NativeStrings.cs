using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Building;

/// <summary>Several strings as null-terminated UTF-8 in pinned arrays, for one call across the wrapper's C ABI.</summary>
internal sealed unsafe class NativeStrings
{
    private readonly TrtText.PinnedUtf8[] _strings;

    public NativeStrings(IEnumerable<string> strings) => _strings = strings.Select(TrtText.ToNative).ToArray();

    public byte* this[int index] => _strings[index].Pointer;
}
