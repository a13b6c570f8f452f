using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePose.Core.Datasets.Labelme;

/// <summary>Reads and writes labelme json; errors are <see cref="FormatException"/>s naming the source.</summary>
public static class LabelmeJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    public static LabelmeDocument Parse(string json, string source)
    {
        LabelmeDocument? d;
        try
        {
            d = JsonSerializer.Deserialize<LabelmeDocument>(json, s_options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a labelme json ({e.Message})", e);
        }

        if (d is null)
        {
            throw new FormatException($"{source}: empty labelme json");
        }

        if (d.Shapes is null)
        {
            throw new FormatException($"{source}: labelme json has no 'shapes' list");
        }

        return d;
    }

    /// <summary>
    /// The bytes of the embedded image, or null when the file has none. Labelme writes the file's bytes
    /// (JPEG, PNG...) as base64; a "data:image/...;base64," prefix is accepted too.
    /// </summary>
    public static byte[]? DecodeImageData(LabelmeDocument d, string source)
    {
        if (string.IsNullOrWhiteSpace(d.ImageData))
        {
            return null;
        }

        var s = d.ImageData;
        int comma = s.StartsWith("data:", StringComparison.Ordinal) ? s.IndexOf(',', StringComparison.Ordinal) : -1;
        try
        {
            return Convert.FromBase64String(comma >= 0 ? s[(comma + 1)..] : s);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{source}: imageData is not valid base64 ({e.Message})", e);
        }
    }

    public static string Serialize(LabelmeDocument d) => JsonSerializer.Serialize(d, s_options);
}
