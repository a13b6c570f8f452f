namespace EdgePose.Core.Drawing;

/// <summary>
/// Where images go on a contact sheet: square tiles of <c>tile</c> pixels in <c>columns</c> columns with a
/// gap around each, every image scaled to fit its tile with its aspect kept and centred in it.
/// </summary>
public sealed record ContactSheetLayout(int Width, int Height, IReadOnlyList<ContactSheetLayout.Placement> Placements)
{
    /// <summary>One image's tile (TileX, TileY) and the rectangle (X, Y, W, H) the scaled image fills.</summary>
    public readonly record struct Placement(int TileX, int TileY, int X, int Y, int W, int H);

    /// <summary>The most pixels one sheet may have (about 300 MB as BGR); options multiply, so each in range is not enough.</summary>
    public const long MaxPixels = 100_000_000;

    public static ContactSheetLayout Compute(IReadOnlyList<(int Width, int Height)> images, int columns, int tile, int gap = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(tile, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        if (images.Count == 0)
        {
            throw new ArgumentException("a contact sheet needs at least one image", nameof(images));
        }

        int cols = Math.Min(columns, images.Count);
        int rows = (images.Count + cols - 1) / cols;
        long sheetWidth = gap + ((long)cols * (tile + gap)), sheetHeight = gap + ((long)rows * (tile + gap));
        if (sheetWidth * sheetHeight > MaxPixels)
        {
            throw new Errors.InputException($"a contact sheet of {sheetWidth} × {sheetHeight} pixels is over the {MaxPixels / 1_000_000} megapixel limit; lower --tile, --columns or --per-sheet");
        }

        var placements = new Placement[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            var (w, h) = images[i];
            if (w <= 0 || h <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(images), $"image {i} has size {w} × {h}");
            }

            int tx = gap + ((i % cols) * (tile + gap));
            int ty = gap + ((i / cols) * (tile + gap));
            double s = Math.Min((double)tile / w, (double)tile / h);
            int sw = Math.Clamp((int)Math.Round(w * s), 1, tile), sh = Math.Clamp((int)Math.Round(h * s), 1, tile);
            placements[i] = new Placement(tx, ty, tx + ((tile - sw) / 2), ty + ((tile - sh) / 2), sw, sh);
        }

        return new ContactSheetLayout(gap + (cols * (tile + gap)), gap + (rows * (tile + gap)), placements);
    }
}
