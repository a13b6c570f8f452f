using System.Text;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Tensor names as the <c>const char* const*</c> array that <c>OrtApi::Run</c> takes, built once in pinned
/// memory so a run passes a pointer and nothing is encoded or allocated per call.
/// </summary>
internal sealed unsafe class Utf8NameTable
{
    // Kept referenced so the pinned bytes stay alive as long as the pointers into them.
    private readonly byte[][] _names;
    private readonly nint[] _pointers;

    public Utf8NameTable(IEnumerable<string> names)
    {
        _names = [.. names.Select(n =>
        {
            var bytes = PinnedArray.Allocate<byte>(Encoding.UTF8.GetByteCount(n) + 1);
            Encoding.UTF8.GetBytes(n, bytes);
            return bytes;
        })];
        _pointers = PinnedArray.Allocate<nint>(_names.Length);
        for (var i = 0; i < _names.Length; i++)
        {
            _pointers[i] = (nint)PinnedArray.Address(_names[i]);
        }
    }

    public int Count => _names.Length;

    public byte** Pointers => (byte**)PinnedArray.Address(_pointers);
}
