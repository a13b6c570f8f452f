namespace EdgePose.Core.Decoding;

/// <summary>How a pose model lays out its detections in its output tensor.</summary>
public enum OutputLayoutKind
{
    /// <summary>YOLOv8/YOLO11 raw head, [B, 4+nc+K·D, N]: cx, cy, w, h, class scores, keypoints per anchor column; NMS is ours.</summary>
    RawChannelsFirst,

    /// <summary>The same rows transposed, [B, N, 4+nc+K·D] (some TFLite/transposed exports).</summary>
    RawChannelsLast,

    /// <summary>End-to-end / nms=True exports (YOLO26), [B, M, 6+K·D]: x1, y1, x2, y2, score, class, keypoints; NMS done in the graph.</summary>
    EndToEnd,
}
