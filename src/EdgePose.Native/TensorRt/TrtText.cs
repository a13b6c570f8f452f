using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgePose.Native.TensorRt;

/// <summary>UTF-8 strings across the wrapper's C ABI: fixed char arrays in, null-terminated strings out.</summary>
public static unsafe class TrtText
{
    /// <summary>The text of a fixed, null-terminated UTF-8 array (up to its first zero byte, or all of it).</summary>
    public static string FromFixed(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    /// <summary>A null-terminated UTF-8 string returned by the wrapper; "" for null.</summary>
    public static string FromPointer(byte* text) => text == null ? "" : Marshal.PtrToStringUTF8((nint)text) ?? "";

    /// <summary>
    /// <paramref name="text"/> as null-terminated UTF-8 in a pinned managed array (no unmanaged memory to
    /// free); its pointer stays valid while the returned value is alive. Text with a NUL character is
    /// rejected: C would cut it short.
    /// </summary>
    public static PinnedUtf8 ToNative(string? text) => new(text);

    /// <summary>A null-terminated UTF-8 copy of a string in a pinned array; null pointer for a null string.</summary>
    public sealed class PinnedUtf8
    {
        private readonly byte[]? _bytes;

        internal PinnedUtf8(string? text)
        {
            if (text is null)
            {
                return;
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("text for the TensorRT wrapper must not contain a NUL character", nameof(text));
            }

            var length = Encoding.UTF8.GetByteCount(text);
            _bytes = GC.AllocateArray<byte>(length + 1, pinned: true);
            Encoding.UTF8.GetBytes(text, _bytes);
        }

        /// <summary>The first byte; the array lives on the pinned object heap, so the address does not move.</summary>
        public byte* Pointer => _bytes is null ? null : (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
    }
}
