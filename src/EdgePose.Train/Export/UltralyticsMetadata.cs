using System.Globalization;
using System.Text;
using EdgePose.Train.Models;

namespace EdgePose.Train.Export;

/// <summary>
/// The metadata_props Ultralytics writes into an exported pose model, values as Python literals: description,
/// author, date, version, license, docs, stride, task, batch, imgsz, names, kpt_shape, args and channels. The
/// runtime's <see cref="Core.Models.UltralyticsMetadataParser"/> reads them back.
/// </summary>
public static class UltralyticsMetadata
{
    public static IReadOnlyList<(string Key, string Value)> For(PoseModel model, IReadOnlyList<string> names, int imgsz, int batch, bool dynamic, string? trainedOn)
    {
        var version = typeof(UltralyticsMetadata).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var inv = CultureInfo.InvariantCulture;
        var nameDict = "{" + string.Join(", ", names.Select((n, i) => $"{i}: {Quote(n)}")) + "}";
        return
        [
            ("description", $"EdgePose {model.Spec.Name} model" + (trainedOn is null ? "" : $" trained on {trainedOn}")),
            ("author", "EdgePose"),
            ("date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", inv)),
            ("version", version),
            ("license", "AGPL-3.0 License (https://ultralytics.com/license)"),
            ("docs", "https://docs.ultralytics.com"),
            ("stride", ((int)model.Head.Strides.Max()).ToString(inv)),
            ("task", "pose"),
            ("batch", batch.ToString(inv)),
            ("imgsz", $"[{imgsz}, {imgsz}]"),
            ("names", nameDict),
            ("kpt_shape", $"[{model.KptShape[0]}, {model.KptShape[1]}]"),
            ("args", $"{{'batch': {batch}, 'half': False, 'dynamic': {(dynamic ? "True" : "False")}, 'simplify': False, 'nms': False}}"),
            ("channels", "3"),
        ];
    }

    /// <summary>A Python string literal in single quotes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("'");
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => ch.ToString(),
            });
        }

        return sb.Append('\'').ToString();
    }
}
