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
    /// Copies <paramref name="text"/> as null-terminated UTF-8 into unmanaged memory owned by the returned
    /// value (freed on dispose). Text with a NUL character is rejected: C would cut it short.
    /// </summary>
    public static NativeUtf8 ToNative(string? text) => new(text);

    /// <summary>A null-terminated UTF-8 copy of a string in unmanaged memory; null pointer for a null string.</summary>
    public readonly struct NativeUtf8 : IDisposable
    {
        internal NativeUtf8(string? text)
        {
            if (text is null)
            {
                Pointer = null;
                return;
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException("text for the TensorRT wrapper must not contain a NUL character", nameof(text));
            }

            var length = Encoding.UTF8.GetByteCount(text);
            Pointer = (byte*)NativeMemory.Alloc((nuint)length + 1);
            Encoding.UTF8.GetBytes(text, new Span<byte>(Pointer, length));
            Pointer[length] = 0;
        }

        public byte* Pointer { get; }

        public void Dispose()
        {
            if (Pointer != null)
            {
                NativeMemory.Free(Pointer);
            }
        }
    }
}
