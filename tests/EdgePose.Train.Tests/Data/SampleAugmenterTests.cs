using EdgePose.Train.Data;
using EdgePose.Train.Datasets;
using OpenCvSharp;

namespace EdgePose.Train.Tests.Data;

public sealed class SampleAugmenterTests : TempFolder
{
    private PoseDataset Data(int train = 6) => PoseDataset.FromDataYaml(SyntheticPoseData.Write(Root, train, 2, size: 96), "train");

    [Fact]
    public void The_warped_image_shows_the_object_where_the_warped_labels_say()
    {
        var data = Data();
        var aug = new SampleAugmenter(data, 96, new AugmentOptions { Degrees = 30, Scale = 0.3, Translate = 0.1, HsvH = 0, HsvS = 0, HsvV = 0, FlipLR = 0, Mosaic = 0 });
        int checkedPoints = 0;
        for (int i = 0; i < 4; i++)
        {
            var (img, labels) = aug.Build(i, mosaic: false, new SampleRandom(7, 0, i));
            using (img)
            {
                Assert.Equal(new Size(96, 96), img.Size());
                for (int o = 0; o < labels.Count; o++)
                {
                    var k = labels.KeypointsOf(o).ToArray();
                    var b = labels.Box(o).ToArray();
                    // The rectangle's centre (mean of its corners) is red-channel bright in the image.
                    if (k[2] > 0 && k[5] > 0 && k[8] > 0 && k[11] > 0)
                    {
                        float cx = (k[0] + k[3] + k[6] + k[9]) / 4, cy = (k[1] + k[4] + k[7] + k[10]) / 4;
                        Assert.True(img.At<Vec3b>((int)cy, (int)cx).Item2 > 200, $"sample {i} object {o}: no object at its keypoints' centre ({cx:F1}, {cy:F1})");
                        Assert.InRange(cx, b[0], b[2]);
                        Assert.InRange(cy, b[1], b[3]);
                        checkedPoints++;
                    }
                }
            }
        }

        Assert.True(checkedPoints > 0);
    }

    [Fact]
    public void A_mosaic_is_a_double_size_canvas_and_the_sample_is_imgsz_square_with_labels_inside()
    {
        var data = Data();
        var aug = new SampleAugmenter(data, 96, new AugmentOptions());
        var (canvas, all) = aug.Mosaic(0, new SampleRandom(1, 0, 0));
        using (canvas)
        {
            Assert.Equal(new Size(192, 192), canvas.Size());
            Assert.Equal(MatType.CV_8UC3, canvas.Type());
            Assert.True(all.Count >= 1);
        }

        for (int i = 0; i < 6; i++)
        {
            var (img, labels) = aug.Build(i, mosaic: true, new SampleRandom(1, 0, i));
            using (img)
            {
                Assert.Equal(new Size(96, 96), img.Size());
                Assert.All(labels.Boxes, v => Assert.InRange(v, 0, 96));
                for (int j = 0; j < labels.Points.Length; j += 3)
                {
                    if (labels.Points[j + 2] > 0)
                    {
                        Assert.InRange(labels.Points[j], 0, 96);
                        Assert.InRange(labels.Points[j + 1], 0, 96);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_loader_builds_the_same_batches_from_the_same_seed_with_background_images_among_them()
    {
        var data = Data(train: 10);
        Assert.Contains(data.Items, i => i.Normalized.Count == 0);
        var options = new AugmentOptions();
        float[] First(int workers)
        {
            var loader = new BatchLoader(data, new SampleAugmenter(data, 96, options), 4, workers, 5, options);
            var batches = loader.Epoch(0, 10, CancellationToken.None).ToList();
            Assert.Equal(3, batches.Count);
            Assert.Equal([4, 4, 2], batches.Select(b => b.Count));
            var (images, targets) = batches[0].ToTensors();
            Assert.Equal([4L, 3, 96, 96], images.shape);
            Assert.Equal(4, targets.Keypoints.shape[1]);
            Assert.Equal(3, targets.Keypoints.shape[2]);
            var values = images.data<float>().ToArray().Take(5000).Concat(targets.Boxes.data<float>().ToArray()).ToArray();
            batches.ForEach(b => b.Dispose());
            return values;
        }

        Assert.Equal(First(1), First(3));
    }

    [Fact]
    public void A_data_yaml_with_an_empty_train_split_is_refused_in_one_line()
    {
        SyntheticPoseData.Write(Root, 0, 2);
        var e = Assert.Throws<EdgePose.Core.Errors.InputException>(() => PoseDataset.FromDataYaml(At("data.yaml"), "train"));
        Assert.Contains("train split holds no images", e.Message);
    }
}
