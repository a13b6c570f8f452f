using System.Globalization;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// A TensorRT version, e.g. 10.3.0. Plans load only into the exact TensorRT version that built them
/// (major, minor and patch), so this is what engine files record and compatibility compares.
/// </summary>
public readonly record struct TensorRtVersion(int Major, int Minor, int Patch)
{
    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    /// <summary>Parses "10.3.0" (a fourth, build part is accepted and ignored); <see cref="FormatException"/> otherwise.</summary>
    public static TensorRtVersion Parse(string text)
    {
        if (TryParse(text, out var v))
        {
            return v;
        }

        throw new FormatException($"'{text}' is not a TensorRT version like 10.3.0");
    }

    public static bool TryParse(string? text, out TensorRtVersion version)
    {
        version = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length is < 3 or > 4)
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new TensorRtVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
