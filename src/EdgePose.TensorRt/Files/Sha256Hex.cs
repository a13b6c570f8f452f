using System.Security.Cryptography;

namespace EdgePose.TensorRt.Files;

/// <summary>
/// SHA-256 as the sidecar stores it (lower-case hex): of a plan's bytes, and of the ONNX file it was built
/// from. The builder writes these and the loader compares against them, so both use this one definition.
/// </summary>
internal static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
