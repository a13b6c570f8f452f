using System.Buffers.Binary;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Imaging;

/// <summary>
/// Reads an image's size from the first bytes of its file, without decoding: JPEG (SOF marker, EXIF
/// orientation from APP1), PNG (IHDR), BMP and WebP (VP8, VP8L, VP8X). Give it the file's start (64 KiB
/// is plenty for all but JPEGs with large embedded previews; give more when it returns false).
/// </summary>
public static class ImageHeaderReader
{
    /// <summary>How much of a file <see cref="Read(Stream, string)"/> reads first.</summary>
    public const int HeaderBytes = 64 * 1024;

    /// <summary>
    /// The header of the image a stream holds (a file the caller opened): its first <see cref="HeaderBytes"/>,
    /// and all of it when the size is further in (a JPEG with a large preview before its frame header).
    /// </summary>
    /// <exception cref="InputException">The stream is no readable JPEG, PNG, BMP or WebP image; the message names <paramref name="source"/>.</exception>
    public static ImageHeader Read(Stream stream, string source)
    {
        var head = new byte[HeaderBytes];
        int n = stream.ReadAtLeast(head, HeaderBytes, throwOnEndOfStream: false);
        if (TryRead(head.AsSpan(0, n), out var h))
        {
            return h;
        }

        if (n == HeaderBytes)
        {
            using var whole = new MemoryStream();
            whole.Write(head);
            stream.CopyTo(whole);
            if (whole.Length > HeaderBytes && TryRead(whole.GetBuffer().AsSpan(0, (int)whole.Length), out h))
            {
                return h;
            }
        }

        throw new InputException($"{source}: not a readable JPEG, PNG, BMP or WebP image (no size in its header)");
    }

    public static bool TryRead(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            return TryJpeg(b, out header);
        }

        if (b.Length >= 24 && b[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            header = new ImageHeader("png", (int)BinaryPrimitives.ReadUInt32BigEndian(b[16..]), (int)BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
            return header.Width > 0 && header.Height > 0;
        }

        if (b.Length >= 26 && b[0] == (byte)'B' && b[1] == (byte)'M')
        {
            header = new ImageHeader("bmp", BinaryPrimitives.ReadInt32LittleEndian(b[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[22..])));
            return header.Width > 0 && header.Height > 0;
        }

        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return TryWebp(b, out header);
        }

        return false;
    }

    private static bool TryJpeg(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        int orientation = 1;
        int i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return false;
            }

            byte m = b[i + 1];
            if (m == 0xFF)
            {
                i++;
                continue;
            }

            if (m is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }

            int len = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (len < 2)
            {
                return false;
            }

            int dataStart = i + 4, dataEnd = i + 2 + len;
            if (m is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (dataStart + 5 > b.Length)
                {
                    return false;
                }

                int h = BinaryPrimitives.ReadUInt16BigEndian(b[(dataStart + 1)..]);
                int w = BinaryPrimitives.ReadUInt16BigEndian(b[(dataStart + 3)..]);
                header = new ImageHeader("jpeg", w, h, orientation);
                return w > 0 && h > 0;
            }

            if (m == 0xE1 && dataEnd <= b.Length)
            {
                orientation = ExifOrientation(b[dataStart..dataEnd]) ?? orientation;
            }

            if (m == 0xDA)
            {
                return false;
            }

            i = dataEnd;
        }

        return false;
    }

    /// <summary>The orientation tag (0x0112) of IFD0 in an APP1 "Exif" segment, or null.</summary>
    private static int? ExifOrientation(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1[..6].SequenceEqual("Exif\0\0"u8))
        {
            return null;
        }

        var t = app1[6..];
        bool little = t[0] == (byte)'I' && t[1] == (byte)'I';
        if (!little && !(t[0] == (byte)'M' && t[1] == (byte)'M'))
        {
            return null;
        }

        uint ifd = U32(t, 4, little);
        if (ifd + 2 > t.Length)
        {
            return null;
        }

        uint count = U16(t, (int)ifd, little);
        for (uint e = 0; e < count; e++)
        {
            long at = ifd + 2 + (e * 12);
            if (at + 12 > t.Length)
            {
                return null;
            }

            if (U16(t, (int)at, little) == 0x0112)
            {
                uint v = U16(t, (int)at + 8, little);
                return v is >= 1 and <= 8 ? (int)v : null;
            }
        }

        return null;
    }

    private static uint U16(ReadOnlySpan<byte> t, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt16BigEndian(t[at..]);

    private static uint U32(ReadOnlySpan<byte> t, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(t[at..]) : BinaryPrimitives.ReadUInt32BigEndian(t[at..]);

    private static bool TryWebp(ReadOnlySpan<byte> b, out ImageHeader header)
    {
        header = default;
        var chunk = b.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            int w = 1 + (b[24] | (b[25] << 8) | (b[26] << 16));
            int h = 1 + (b[27] | (b[28] << 8) | (b[29] << 16));
            header = new ImageHeader("webp", w, h);
            return true;
        }

        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
        {
            header = new ImageHeader("webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
            return header.Width > 0 && header.Height > 0;
        }

        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            uint bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            header = new ImageHeader("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            return true;
        }

        return false;
    }
}
