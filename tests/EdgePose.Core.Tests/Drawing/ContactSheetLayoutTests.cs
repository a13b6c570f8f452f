using EdgePose.Core.Drawing;

namespace EdgePose.Core.Tests.Drawing;

public class ContactSheetLayoutTests
{
    [Fact]
    public void Images_fit_their_tiles_keeping_aspect_and_centred()
    {
        var l = ContactSheetLayout.Compute([(640, 480), (480, 640), (50, 50)], columns: 2, tile: 100, gap: 4);
        Assert.Equal((212, 212), (l.Width, l.Height));
        Assert.Equal(new ContactSheetLayout.Placement(4, 4, 4, 16, 100, 75), l.Placements[0]);
        Assert.Equal(new ContactSheetLayout.Placement(108, 4, 120, 4, 75, 100), l.Placements[1]);
        Assert.Equal(new ContactSheetLayout.Placement(4, 108, 4, 108, 100, 100), l.Placements[2]);
    }

    [Fact]
    public void Fewer_images_than_columns_make_a_narrower_sheet()
    {
        var l = ContactSheetLayout.Compute([(10, 10)], columns: 4, tile: 64, gap: 0);
        Assert.Equal((64, 64), (l.Width, l.Height));
    }

    [Fact]
    public void An_empty_page_or_a_bad_size_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ContactSheetLayout.Compute([], 4, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactSheetLayout.Compute([(0, 10)], 4, 64));
    }

    [Fact]
    public void Sheet_whose_options_multiply_past_the_pixel_limit_is_refused_before_any_allocation()
    {
        var images = Enumerable.Repeat((640, 480), 1024).ToList();
        var e = Assert.Throws<EdgePose.Core.Errors.InputException>(() => ContactSheetLayout.Compute(images, columns: 64, tile: 4096));
        Assert.Contains("megapixel limit; lower --tile, --columns or --per-sheet", e.Message, StringComparison.Ordinal);
    }
}
