using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace EdgePose.TensorRt.Files;

/// <summary>
/// The metadata header Ultralytics writes before the plan in its .engine files: a signed 32-bit
/// little-endian byte count, then that many bytes of UTF-8 JSON (task, kpt_shape, names, imgsz, ...).
/// </summary>
public static class UltralyticsEngineHeader
{
    private const int LengthBytes = 4;

    /// <summary>True when <paramref name="bytes"/> start like an Ultralytics header: a plausible length, then '{'.</summary>
    public static bool LooksLikeHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= LengthBytes)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return length >= 2 && bytes[LengthBytes] == (byte)'{';
    }

    /// <summary>
    /// Splits an Ultralytics .engine into its metadata JSON and the offset of the plan. Throws
    /// <see cref="FormatException"/> naming <paramref name="source"/> when the header is cut short, is not
    /// a JSON object, or is not followed by a plan.
    /// </summary>
    public static (string Json, int PlanOffset) Read(ReadOnlySpan<byte> bytes, string source)
    {
        if (!LooksLikeHeader(bytes))
        {
            throw new FormatException($"{source}: no Ultralytics metadata header");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if ((long)length > bytes.Length - LengthBytes)
        {
            throw new FormatException($"{source}: truncated: its Ultralytics header announces {length} bytes of metadata but the file has {bytes.Length - LengthBytes} after the length");
        }

        var jsonBytes = bytes.Slice(LengthBytes, length);
        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(jsonBytes);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: the Ultralytics metadata header is JSON but not an object");
            }
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw new FormatException($"{source}: the Ultralytics metadata header is not valid JSON ({OneLine(e.Message)})", e);
        }

        var planOffset = LengthBytes + length;
        var plan = bytes[planOffset..];
        if (plan.Length == 0)
        {
            throw new FormatException($"{source}: truncated: the Ultralytics metadata header is followed by no TensorRT plan");
        }

        if (!PlanSignature.Matches(plan))
        {
            throw new FormatException($"{source}: the Ultralytics metadata header is followed by something that is not a TensorRT plan");
        }

        return (json, planOffset);
    }

    /// <summary>Writes the header for <paramref name="json"/> (ASCII/UTF-8 JSON) the way Ultralytics does.</summary>
    public static byte[] Write(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = new byte[LengthBytes + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(header, body.Length);
        body.CopyTo(header.AsSpan(LengthBytes));
        return header;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
