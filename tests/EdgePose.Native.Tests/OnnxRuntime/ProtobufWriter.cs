using System.Text;

namespace EdgePose.Native.Tests.OnnxRuntime;

/// <summary>Just enough of the protobuf wire format to write small ONNX files for tests.</summary>
internal sealed class ProtobufWriter
{
    private readonly MemoryStream _stream = new();

    public ProtobufWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
        return this;
    }

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    public ProtobufWriter PackedFloats(int field, params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Bytes(field, bytes);
    }

    public byte[] ToArray() => _stream.ToArray();

    private ProtobufWriter Bytes(int field, byte[] bytes)
    {
        Tag(field, 2);
        Raw((ulong)bytes.Length);
        _stream.Write(bytes);
        return this;
    }

    private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }
}
