using System.Runtime.InteropServices;
using System.Text;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Tests.Marshaling;

/// <summary>Strings across the wrapper's C ABI: UTF-8 in fixed arrays out of it, null-terminated UTF-8 into it.</summary>
public unsafe class TrtTextTests
{
    [Fact]
    public void Fixed_array_is_read_up_to_its_first_zero_byte()
    {
        Span<byte> buffer = stackalloc byte[TrtAbi.NameCapacity];
        "images\0junk"u8.CopyTo(buffer);

        Assert.Equal("images", TrtText.FromFixed(buffer));
    }

    [Fact]
    public void Fixed_array_without_terminator_is_read_whole()
    {
        Assert.Equal("abcd", TrtText.FromFixed("abcd"u8));
    }

    [Fact]
    public void Fixed_array_decodes_multibyte_utf8()
    {
        Span<byte> buffer = stackalloc byte[32];
        Encoding.UTF8.GetBytes("Bild-Größe→", buffer);

        Assert.Equal("Bild-Größe→", TrtText.FromFixed(buffer));
    }

    [Fact]
    public void String_to_the_wrapper_is_null_terminated_utf8()
    {
        var native = TrtText.ToNative("/models/ÿolo pose.onnx");

        Assert.Equal("/models/ÿolo pose.onnx", Marshal.PtrToStringUTF8((nint)native.Pointer));
        var length = Encoding.UTF8.GetByteCount("/models/ÿolo pose.onnx");
        Assert.Equal(0, native.Pointer[length]);
    }

    [Fact]
    public void Null_string_becomes_a_null_pointer()
    {
        var native = TrtText.ToNative(null);

        Assert.True(native.Pointer == null);
    }

    [Fact]
    public void String_with_an_embedded_nul_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TrtText.ToNative("a\0b"));

        Assert.Contains("NUL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointer_from_the_wrapper_reads_as_text_and_null_as_empty()
    {
        var bytes = "TensorRT could not load the plan\0"u8.ToArray();
        fixed (byte* p = bytes)
        {
            Assert.Equal("TensorRT could not load the plan", TrtText.FromPointer(p));
        }

        Assert.Equal("", TrtText.FromPointer(null));
    }
}
