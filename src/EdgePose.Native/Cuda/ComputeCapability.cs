using System.Globalization;

namespace EdgePose.Native.Cuda;

/// <summary>A GPU's CUDA compute capability, e.g. 8.7 for Jetson Orin, 7.2 for Xavier, 9.0 for H100.</summary>
public readonly record struct ComputeCapability(int Major, int Minor)
{
    public override string ToString() => $"{Major}.{Minor}";

    /// <summary>Parses "8.7"; throws <see cref="FormatException"/> naming the text otherwise.</summary>
    public static ComputeCapability Parse(string text)
    {
        var parts = text.Split('.');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return new ComputeCapability(major, minor);
        }

        throw new FormatException($"'{text}' is not a compute capability like 8.7");
    }
}
