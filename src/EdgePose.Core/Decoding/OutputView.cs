namespace EdgePose.Core.Decoding;

/// <summary>Reads value <c>v</c> of row <c>r</c> of one image's output, whichever way round it is stored.</summary>
internal readonly ref struct OutputView
{
    private readonly ReadOnlySpan<float> _data;
    private readonly int _valueStride;
    private readonly int _rowStride;

    public OutputView(ReadOnlySpan<float> output, int batchIndex, OutputLayout layout)
    {
        int per = layout.ValuesPerImage;
        if ((uint)batchIndex >= (uint)layout.Batch)
        {
            throw new ArgumentOutOfRangeException(nameof(batchIndex), batchIndex, $"batch has {layout.Batch} images");
        }

        if (output.Length < per * layout.Batch)
        {
            throw new ArgumentException($"output holds {output.Length} floats, layout {layout} needs {per * layout.Batch}", nameof(output));
        }

        _data = output.Slice(batchIndex * per, per);
        bool channelsFirst = layout.Kind == OutputLayoutKind.RawChannelsFirst;
        _valueStride = channelsFirst ? layout.Rows : 1;
        _rowStride = channelsFirst ? 1 : layout.ValuesPerRow;
    }

    public float this[int row, int value] => _data[(value * _valueStride) + (row * _rowStride)];

    /// <summary>All rows of one value, when they are contiguous (channels-first); empty otherwise.</summary>
    public ReadOnlySpan<float> ValueRow(int value, int rows) =>
        _rowStride == 1 ? _data.Slice(value * _valueStride, rows) : default;
}
