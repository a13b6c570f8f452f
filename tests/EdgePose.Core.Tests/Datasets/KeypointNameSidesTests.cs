using EdgePose.Core.Datasets;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Datasets;

public class KeypointNameSidesTests
{
    [Theory]
    [InlineData("left_eye", "right_eye")]
    [InlineData("RightFrontPaw", "LeftFrontPaw")]
    [InlineData("l_ear", "r_ear")]
    [InlineData("nose", "nose")]
    [InlineData("lip", "lip")]
    public void Mirror_swaps_the_side_word(string name, string mirror) => Assert.Equal(mirror, KeypointNameSides.Mirror(name));

    [Fact]
    public void Flip_index_inferred_from_coco_names_is_coco_flip_index() =>
        Assert.Equal(KeypointMeta.Coco17.FlipIndex, KeypointNameSides.InferFlipIndex(KeypointMeta.Coco17.KeypointNames));

    [Fact]
    public void A_side_without_its_mirror_maps_to_itself() =>
        Assert.Equal([0, 1], KeypointNameSides.InferFlipIndex(["left_ear", "tail"]));
}
