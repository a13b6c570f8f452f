using ScottPlot;

namespace EdgePose.Train.Training;

/// <summary>results.png: the training loss terms per epoch (left) and the validation mAPs per epoch (right), drawn with ScottPlot.</summary>
public static class ResultsPlot
{
    public const int Width = 1400;
    public const int Height = 560;

    public static void Write(string path, IReadOnlyList<EpochResult> rows)
    {
        var epochs = rows.Select(r => (double)(r.Epoch + 1)).ToArray();
        var losses = new Plot();
        foreach (var (name, pick) in new (string, Func<EpochResult, double>)[] { ("box", r => r.Box), ("pose", r => r.Pose), ("kobj", r => r.Kobj), ("cls", r => r.Cls), ("dfl", r => r.Dfl) })
        {
            var line = losses.Add.ScatterLine(epochs, rows.Select(pick).ToArray());
            line.LineWidth = 2;
            line.LegendText = name;
        }

        losses.Title("Training loss per epoch (weighted terms)");
        losses.XLabel("epoch");
        losses.YLabel("loss");
        losses.ShowLegend(Alignment.UpperRight);

        var maps = new Plot();
        var validated = rows.Where(r => r.Val is not null).ToList();
        var vx = validated.Select(r => (double)(r.Epoch + 1)).ToArray();
        foreach (var (name, pick) in new (string, Func<ValMetrics, double>)[] { ("pose mAP50-95", v => v.PoseMap), ("pose mAP50", v => v.PoseMap50), ("box mAP50-95", v => v.BoxMap), ("box mAP50", v => v.BoxMap50) })
        {
            var line = maps.Add.ScatterLine(vx, validated.Select(r => pick(r.Val!)).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = name;
        }

        maps.Title("Validation mAP per epoch");
        maps.XLabel("epoch");
        maps.YLabel("mAP");
        maps.Axes.SetLimitsY(0, 1);
        maps.ShowLegend(Alignment.UpperLeft);

        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(Width, Height));
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        // Each plot clears the canvas it renders on: render apart, then place side by side.
        foreach (var (plot, left) in new[] { (losses, 0), (maps, Width / 2) })
        {
            using var half = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(Width / 2, Height));
            plot.Render(half.Canvas, new PixelRect(0, Width / 2, Height, 0));
            using var snapshot = half.Snapshot();
            surface.Canvas.DrawImage(snapshot, left, 0);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var temp = path + ".tmp";
        using (var f = File.Create(temp))
        {
            png.SaveTo(f);
        }

        File.Move(temp, path, overwrite: true);
    }
}
