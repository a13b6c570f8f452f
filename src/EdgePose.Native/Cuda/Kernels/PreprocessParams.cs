using System.Runtime.InteropServices;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// ep_preprocess_params of native/kernels/ep_params.h, field for field: the letterbox of one image into the
/// model input, passed by value to the preprocess kernel. Two options leave the result unchanged and save work:
/// <see cref="ContentOnly"/> (the destination already holds this letterbox's padding, so only the resized image
/// is written) and <see cref="Taps"/> (the geometry's tap table, made once by <c>ep_preprocess_taps</c>, instead
/// of each pixel computing its taps in double precision, which is slow on Jetson GPUs).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PreprocessParams
{
    public const int Size = 80;

    /// <summary>Bytes per entry of a tap table (ep_tap: two source indices, two fixed-point weights).</summary>
    public const int TapEntryBytes = 16;

    public int Format;
    public int SourceWidth;
    public int SourceHeight;
    public int SourceStride;
    public int UvOffset;
    public int UvStride;
    public int TargetWidth;
    public int TargetHeight;
    public int ResizedWidth;
    public int ResizedHeight;
    public int PadLeft;
    public int PadTop;
    public int Half;

    /// <summary>1: write only the resized image (the destination already holds this letterbox's padding).</summary>
    public int ContentOnly;

    /// <summary>OpenCV INTER_LINEAR's inverse horizontal scale, 1 / (resized / source), as OpenCV computes it in double.</summary>
    public double ScaleX;

    /// <summary>The same vertically.</summary>
    public double ScaleY;

    /// <summary>Device address of this geometry's tap table (see <see cref="TapCount"/>), or 0: each pixel computes its taps.</summary>
    public ulong Taps;

    /// <summary>
    /// Parameters for letterboxing a <paramref name="format"/> image of <paramref name="box"/>'s source size.
    /// <paramref name="stride"/> is bytes per row (of the Y plane for NV12, whose UV plane follows at
    /// <paramref name="uvOffset"/> with <paramref name="uvStride"/> bytes per row).
    /// </summary>
    public static PreprocessParams For(in Letterbox box, KernelPixelFormat format, int stride, bool half, int uvOffset = 0, int uvStride = 0)
    {
        int bytesPerPixel = format switch
        {
            KernelPixelFormat.Bgr => 3,
            KernelPixelFormat.Bgra => 4,
            KernelPixelFormat.Nv12 => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown pixel format"),
        };
        if (stride < box.SourceWidth * bytesPerPixel)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), $"stride {stride} is less than a row of {box.SourceWidth * bytesPerPixel} bytes");
        }

        if (format == KernelPixelFormat.Nv12)
        {
            if ((box.SourceWidth & 1) != 0 || (box.SourceHeight & 1) != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(box), $"NV12 size {box.SourceWidth}x{box.SourceHeight} must be even");
            }

            if (uvStride < box.SourceWidth || uvOffset < stride * box.SourceHeight)
            {
                throw new ArgumentOutOfRangeException(nameof(uvOffset), $"NV12 UV plane at {uvOffset} with stride {uvStride} overlaps the Y plane or is too narrow");
            }
        }

        return new PreprocessParams
        {
            Format = (int)format,
            SourceWidth = box.SourceWidth,
            SourceHeight = box.SourceHeight,
            SourceStride = stride,
            UvOffset = uvOffset,
            UvStride = uvStride,
            TargetWidth = box.TargetWidth,
            TargetHeight = box.TargetHeight,
            ResizedWidth = box.ResizedWidth,
            ResizedHeight = box.ResizedHeight,
            PadLeft = box.PadLeft,
            PadTop = box.PadTop,
            Half = half ? 1 : 0,
            ScaleX = 1.0 / ((double)box.ResizedWidth / box.SourceWidth),
            ScaleY = 1.0 / ((double)box.ResizedHeight / box.SourceHeight),
        };
    }

    /// <summary>Entries of this geometry's tap table: one per resized column, then one per resized row.</summary>
    public readonly int TapCount => ResizedWidth + ResizedHeight;

    /// <summary>Whether <paramref name="other"/> has the same tap table (the same source size, resized size and scales).</summary>
    public readonly bool SameTaps(in PreprocessParams other) =>
        SourceWidth == other.SourceWidth && SourceHeight == other.SourceHeight && ResizedWidth == other.ResizedWidth &&
        ResizedHeight == other.ResizedHeight && ScaleX.Equals(other.ScaleX) && ScaleY.Equals(other.ScaleY);

    /// <summary>These parameters writing only the resized image (<paramref name="contentOnly"/>) or the whole output.</summary>
    public readonly PreprocessParams WithContentOnly(bool contentOnly) => this with { ContentOnly = contentOnly ? 1 : 0 };

    /// <summary>These parameters reading the tap table at device address <paramref name="taps"/> (0: none).</summary>
    public readonly PreprocessParams WithTaps(ulong taps) => this with { Taps = taps };

    /// <summary>Bytes of the source image the kernel reads.</summary>
    public readonly long SourceBytes => Format == (int)KernelPixelFormat.Nv12
        ? (long)UvOffset + ((long)UvStride * (SourceHeight / 2))
        : (long)SourceStride * SourceHeight;

    /// <summary>Bytes of the CHW tensor the kernel writes.</summary>
    public readonly long OutputBytes => 3L * TargetWidth * TargetHeight * (Half != 0 ? 2 : 4);
}
