using EdgePose.Core.Engines;
using EdgePose.Core.Inference;

namespace EdgePose.Core.Preprocessing;

/// <summary>
/// The one preprocess stage of EdgePose: letterboxes a BGR frame into one slot of a model input (resize with
/// <see cref="IBgrResizer"/> where the size changes, pad with 114, RGB, /255, CHW) exactly as Ultralytics does.
/// predict, val, the flip test and INT8 calibration all write through it.
/// </summary>
/// <remarks>
/// The padding cache belongs to the slot (<see cref="EngineBufferSet.SlotPadding"/>): a slot that last held a
/// frame of the same size keeps its padding, so only the image area is written. The resize scratch buffer is
/// this stage's own (the letterboxed image is never larger than the input); one stage serves one thread. Allocates nothing per frame.
/// </remarks>
public sealed class LetterboxPreprocessor
{
    private readonly IBgrResizer _resizer;
    private byte[] _resized;

    public LetterboxPreprocessor(IBgrResizer resizer, int inputWidth, int inputHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputHeight, 1);
        _resizer = resizer;
        InputWidth = inputWidth;
        InputHeight = inputHeight;
        _resized = new byte[inputWidth * inputHeight * 3];
    }

    public int InputWidth { get; }

    public int InputHeight { get; }

    /// <summary>Floats one image takes in the tensor.</summary>
    public int SlotElements => 3 * InputWidth * InputHeight;

    /// <summary>Letterboxes <paramref name="image"/> into slot <paramref name="slot"/> of <paramref name="buffers"/>' host input.</summary>
    public Letterbox Write(BgrImage image, EngineBufferSet buffers, int slot) =>
        Write(image, buffers.InputSlot(slot), ref buffers.SlotPadding(slot));

    /// <summary>
    /// Letterboxes <paramref name="image"/> into <paramref name="tensor"/> (one image, CHW). <paramref name="slotPadding"/>
    /// is the slot's cache: the letterbox whose padding the slot holds, updated here.
    /// </summary>
    public Letterbox Write(BgrImage image, Span<float> tensor, ref Letterbox? slotPadding)
    {
        var box = Letterbox.Compute(image.Width, image.Height, InputWidth, InputHeight);
        bool fillPadding = slotPadding != box;
        if (box.NeedsResize)
        {
            int stride = box.ResizedWidth * 3;
            var dst = _resized.AsSpan(0, stride * box.ResizedHeight);
            _resizer.Resize(image, dst, box.ResizedWidth, box.ResizedHeight, stride);
            LetterboxTensorWriter.Write(box, dst, stride, tensor, fillPadding);
        }
        else
        {
            LetterboxTensorWriter.Write(box, image.Pixels, image.Stride, tensor, fillPadding);
        }

        slotPadding = box;
        return box;
    }
}
