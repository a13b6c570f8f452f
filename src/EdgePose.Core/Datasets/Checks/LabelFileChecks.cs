using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// Rules for one YOLO-pose label file, line by line: the column count matches kpt_shape, values are numbers,
/// the class is listed in names, box and keypoint coordinates lie in [0, 1], boxes have a size, labelled
/// keypoints lie in their box within a margin, no line is repeated; an empty file is a background image.
/// Counts go to the summary.
/// </summary>
public static class LabelFileChecks
{
    /// <summary>Checks one file; returns the number of objects read from it.</summary>
    public static int Check(string path, string text, int k, int d, IReadOnlyList<string> keypointNames, int classCount, CheckOptions options, DatasetSummary summary, List<CheckFinding> findings)
    {
        void Add(CheckSeverity s, int line, string m) => findings.Add(new CheckFinding(s, path, line, m));

        if (string.IsNullOrWhiteSpace(text))
        {
            findings.Add(new CheckFinding(CheckSeverity.Warning, path, null, "empty label file: the image is used as a background (no objects)"));
            return 0;
        }

        int objects = 0;
        int lineNumber = 0;
        var seenLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var span in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (span.IsWhiteSpace())
            {
                continue;
            }

            var line = span.ToString();
            if (!YoloPoseLabelFormat.TryParseLine(line, k, d, out var label, out var error))
            {
                Add(CheckSeverity.Error, lineNumber, error!);
                continue;
            }

            var norm = string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (!seenLines.TryAdd(norm, lineNumber))
            {
                Add(CheckSeverity.Warning, lineNumber, $"duplicate of line {seenLines[norm]}");
            }

            var l = label!;
            objects++;
            if (l.ClassId >= classCount)
            {
                Add(CheckSeverity.Error, lineNumber, $"class {l.ClassId} is not in names (0..{classCount - 1})");
            }

            var outside = new List<string>();
            foreach (var (name, v) in new[] { ("cx", l.CenterX), ("cy", l.CenterY), ("w", l.Width), ("h", l.Height) })
            {
                if (v is < 0 or > 1)
                {
                    outside.Add($"{name}={NumberText.Short(v)}");
                }
            }

            if (outside.Count > 0)
            {
                Add(CheckSeverity.Error, lineNumber, $"box values outside [0, 1]: {string.Join(", ", outside)}");
            }

            if (!(l.Width > 0 && l.Height > 0))
            {
                Add(CheckSeverity.Error, lineNumber, "box has zero width or height");
            }

            summary.InstancesPerClass[l.ClassId] = summary.InstancesPerClass.GetValueOrDefault(l.ClassId) + 1;
            for (int j = 0; j < k; j++)
            {
                var p = l.Keypoints[j];
                summary.VisibilityHistogram[p.Visibility]++;
                string name = j < keypointNames.Count ? $"keypoint {j} '{keypointNames[j]}'" : $"keypoint {j}";
                if (p.X is < 0 or > 1 || p.Y is < 0 or > 1)
                {
                    Add(CheckSeverity.Error, lineNumber, $"{name} at ({NumberText.Short(p.X)}, {NumberText.Short(p.Y)}) is outside [0, 1]");
                    continue;
                }

                if (!p.IsLabelled)
                {
                    continue;
                }

                summary.LabelledKeypointsPerClass[l.ClassId] = summary.LabelledKeypointsPerClass.GetValueOrDefault(l.ClassId) + 1;
                summary.LabelledPerKeypoint[j]++;
                double margin = p.Visibility == 2 ? options.VisibleBoxMargin : options.HiddenBoxMargin;
                double dx = Math.Max(Math.Max(l.Left - p.X, p.X - l.Right), 0) / Math.Max(l.Width, 1e-12);
                double dy = Math.Max(Math.Max(l.Top - p.Y, p.Y - l.Bottom), 0) / Math.Max(l.Height, 1e-12);
                double by = Math.Max(dx, dy);
                if (by > margin && l.Width > 0 && l.Height > 0)
                {
                    string vis = p.Visibility == 2 ? "visible" : "hidden";
                    Add(CheckSeverity.Warning, lineNumber, $"{vis} {name} lies outside its box by {by * 100:0.#}% of the box size (margin {margin * 100:0.#}%)");
                }
            }
        }

        return objects;
    }
}
