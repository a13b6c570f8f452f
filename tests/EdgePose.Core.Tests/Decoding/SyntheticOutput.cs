using EdgePose.Core.Decoding;

namespace EdgePose.Core.Tests.Decoding;

/// <summary>Builds raw pose-head outputs by anchor for decoder tests.</summary>
internal sealed class SyntheticOutput
{
    private readonly float[] _data;

    public SyntheticOutput(OutputLayout layout)
    {
        Layout = layout;
        _data = new float[layout.ValuesPerImage * layout.Batch];
    }

    public OutputLayout Layout { get; }

    public float[] Data => _data;

    public void Set(int row, int value, float v, int batch = 0)
    {
        int per = Layout.ValuesPerImage;
        int idx = Layout.Kind == OutputLayoutKind.RawChannelsFirst
            ? (value * Layout.Rows) + row
            : (row * Layout.ValuesPerRow) + value;
        _data[(batch * per) + idx] = v;
    }

    /// <summary>A raw-head anchor: box as cx, cy, w, h; class scores; keypoints k at (x0 + k, y0 + k, 0.5).</summary>
    public void Anchor(int row, float cx, float cy, float w, float h, float[] classScores, float x0 = 0, float y0 = 0)
    {
        Set(row, 0, cx);
        Set(row, 1, cy);
        Set(row, 2, w);
        Set(row, 3, h);
        for (int c = 0; c < classScores.Length; c++)
        {
            Set(row, 4 + c, classScores[c]);
        }

        int first = 4 + Layout.ClassCount;
        for (int k = 0; k < Layout.KeypointCount; k++)
        {
            Set(row, first + (k * Layout.KeypointDims), x0 + k);
            Set(row, first + (k * Layout.KeypointDims) + 1, y0 + k);
            if (Layout.KeypointDims == 3)
            {
                Set(row, first + (k * Layout.KeypointDims) + 2, 0.5f);
            }
        }
    }
}
