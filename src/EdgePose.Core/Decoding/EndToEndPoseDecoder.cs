using EdgePose.Core.Poses;

namespace EdgePose.Core.Decoding;

/// <summary>
/// Decodes end-to-end exports ([B, M, 6+K·D], NMS inside the graph): keep rows with score above the
/// threshold, in the order the model gives them, up to max detections — Ultralytics' end2end path.
/// </summary>
public sealed class EndToEndPoseDecoder : IPoseDecoder
{
    public EndToEndPoseDecoder(OutputLayout layout)
    {
        if (layout.Kind != OutputLayoutKind.EndToEnd)
        {
            throw new ArgumentException($"layout {layout} is not end-to-end", nameof(layout));
        }

        Layout = layout;
    }

    public OutputLayout Layout { get; }

    public void Decode(ReadOnlySpan<float> output, int batchIndex, DecodeOptions options, PoseDetections detections)
    {
        detections.Clear();
        var view = new OutputView(output, batchIndex, Layout);
        int max = Math.Min(options.MaxDetections, detections.Capacity);
        for (int r = 0; r < Layout.Rows && detections.Count < max; r++)
        {
            float score = view[r, 4];
            if (!(score > options.Confidence))
            {
                continue;
            }

            int i = detections.Add(view[r, 0], view[r, 1], view[r, 2], view[r, 3], score, (int)view[r, 5], r);
            KeypointReader.Copy(view, r, 6, Layout, detections, i);
        }
    }
}
