namespace EdgePose.TensorRt.Building.Onnx;

/// <summary>
/// Walks protobuf wire format (tags, varints, length-delimited fields) without a schema: enough to
/// pick a few fields out of an ONNX file. Malformed input throws <see cref="FormatException"/>.
/// </summary>
internal ref struct ProtobufWireReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtobufWireReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool AtEnd => _position >= _data.Length;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        var field = (int)(tag >> 3);
        var wireType = (int)(tag & 7);
        if (field == 0 || wireType is 3 or 4 or 6 or 7)
        {
            throw new FormatException($"bad protobuf tag {tag} at byte {_position}");
        }

        return (field, wireType);
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new FormatException("protobuf varint runs past the end");
            }

            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("protobuf varint longer than 10 bytes");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new FormatException($"protobuf field of {length} bytes runs past the end (truncated file?)");
        }

        var slice = _data.Slice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Advance(8);
                break;
            case LengthDelimited:
                ReadLengthDelimited();
                break;
            case Fixed32:
                Advance(4);
                break;
            default:
                throw new FormatException($"protobuf wire type {wireType} is not supported");
        }
    }

    private void Advance(int n)
    {
        if (_data.Length - _position < n)
        {
            throw new FormatException("protobuf field runs past the end");
        }

        _position += n;
    }
}
