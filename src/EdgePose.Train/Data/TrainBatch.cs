using System.Buffers;
using EdgePose.Train.Loss;
using static TorchSharp.torch;

namespace EdgePose.Train.Data;

/// <summary>
/// One batch as the workers build it: images as CHW RGB floats 0..1 (a pooled array, returned on dispose) and
/// the labels of all images as YOLO rows (image index, class, normalised box centre and size, keypoints
/// normalised with visibility when the data has it). <see cref="ToTensors"/> gives the trainer's tensors.
/// </summary>
public sealed class TrainBatch : IDisposable
{
    private readonly List<long> _index = [];
    private readonly List<float> _classes = [];
    private readonly List<float> _boxes = [];
    private readonly List<float> _keypoints = [];
    private float[]? _images;

    public TrainBatch(int capacity, int imgsz, int keypoints, int dims)
    {
        ImageSize = imgsz;
        Keypoints = keypoints;
        Dims = dims;
        _images = ArrayPool<float>.Shared.Rent(capacity * SlotFloats);
    }

    public int ImageSize { get; }

    public int Keypoints { get; }

    public int Dims { get; }

    /// <summary>Images in the batch.</summary>
    public int Count { get; private set; }

    public int Instances => _index.Count;

    public int SlotFloats => 3 * ImageSize * ImageSize;

    /// <summary>The next image's slot of the float buffer; <see cref="Add"/> its labels afterwards.</summary>
    public Span<float> NextSlot() => (_images ?? throw new ObjectDisposedException(nameof(TrainBatch))).AsSpan(Count * SlotFloats, SlotFloats);

    /// <summary>Closes the image just written to <see cref="NextSlot"/> with its labels (pixels of the imgsz × imgsz image).</summary>
    public void Add(PoseInstances labels)
    {
        float s = ImageSize;
        for (int i = 0; i < labels.Count; i++)
        {
            var b = labels.Box(i);
            _index.Add(Count);
            _classes.Add(labels.Classes[i]);
            _boxes.AddRange([(b[0] + b[2]) / 2 / s, (b[1] + b[3]) / 2 / s, (b[2] - b[0]) / s, (b[3] - b[1]) / s]);
            var k = labels.KeypointsOf(i);
            for (int j = 0; j < Keypoints; j++)
            {
                _keypoints.Add(k[j * 3] / s);
                _keypoints.Add(k[(j * 3) + 1] / s);
                if (Dims == 3)
                {
                    _keypoints.Add(k[(j * 3) + 2]);
                }
            }
        }

        Count++;
    }

    /// <summary>Images [B, 3, S, S] and targets on <paramref name="device"/>.</summary>
    public (Tensor Images, PoseTargets Targets) ToTensors(Device? device = null)
    {
        var images = tensor(_images.AsSpan(0, Count * SlotFloats).ToArray(), [Count, 3, ImageSize, ImageSize], device: device);
        var targets = new PoseTargets(
            tensor(_index.ToArray(), device: device),
            tensor(_classes.ToArray(), device: device),
            tensor(_boxes.ToArray(), [_index.Count, 4], device: device),
            tensor(_keypoints.ToArray(), [_index.Count, Keypoints, Dims], device: device));
        return (images, targets);
    }

    public void Dispose()
    {
        if (_images is { } a)
        {
            ArrayPool<float>.Shared.Return(a);
            _images = null;
        }
    }
}
