using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Tests.Preprocessing;

/// <summary>The one preprocess stage: the padding cache belongs to the slot it was written into.</summary>
public class LetterboxPreprocessorTests
{
    private const int Size = 32;
    private static readonly float Pad = LetterboxTensorWriter.ToUnit(Letterbox.PadValue);

    [Fact]
    public void A_slot_that_held_a_frame_of_the_same_size_keeps_its_padding_and_skips_writing_it()
    {
        var stage = new LetterboxPreprocessor(new NoResize(), Size, Size);
        var tensor = new float[3 * Size * Size];
        Letterbox? padding = null;
        var image = new byte[Size * 16 * 3]; // 32x16: 8 rows of padding above and below

        stage.Write(new BgrImage(image, Size, 16, Size * 3), tensor, ref padding);
        Assert.Equal(Pad, tensor[0]);
        Assert.NotNull(padding);
        tensor[0] = -1f; // a mark in the padding
        stage.Write(new BgrImage(image, Size, 16, Size * 3), tensor, ref padding);

        Assert.Equal(-1f, tensor[0]); // same size: the padding was not rewritten
    }

    [Fact]
    public void Another_slot_or_another_size_gets_its_padding_written()
    {
        var stage = new LetterboxPreprocessor(new NoResize(), Size, Size);
        var slots = new[] { new float[3 * Size * Size], new float[3 * Size * Size] };
        var cache = new Letterbox?[2];
        var wide = new byte[Size * 16 * 3];
        stage.Write(new BgrImage(wide, Size, 16, Size * 3), slots[0], ref cache[0]);
        slots[0][0] = -1f;
        slots[1][0] = -1f;

        stage.Write(new BgrImage(wide, Size, 16, Size * 3), slots[1], ref cache[1]); // first frame in slot 1
        Assert.Equal(Pad, slots[1][0]);

        var taller = new byte[Size * 24 * 3];
        stage.Write(new BgrImage(taller, Size, 24, Size * 3), slots[0], ref cache[0]); // new size in slot 0
        Assert.Equal(Pad, slots[0][0]);
    }

    /// <summary>The frames here fit the input without resizing; a resize would be a fault.</summary>
    private sealed class NoResize : IBgrResizer
    {
        public void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride) =>
            throw new InvalidOperationException("no resize expected");
    }
}
