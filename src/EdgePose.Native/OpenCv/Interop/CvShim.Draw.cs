using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv.Handles;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>P/Invokes of libedgepose_cv: drawing on BGR images. Colours are blue, green, red.</summary>
internal static unsafe partial class CvShim
{
    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_draw_line")]
    internal static partial OpenCvStatus DrawLine(MatHandle img, int x1, int y1, int x2, int y2, byte b, byte g, byte r, int thickness, int lineType);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_draw_circle")]
    internal static partial OpenCvStatus DrawCircle(MatHandle img, int cx, int cy, int radius, byte b, byte g, byte r, int thickness, int lineType);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_draw_rectangle")]
    internal static partial OpenCvStatus DrawRectangle(MatHandle img, int x1, int y1, int x2, int y2, byte b, byte g, byte r, int thickness, int lineType);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_draw_text")]
    internal static partial OpenCvStatus DrawText(MatHandle img, byte* text, int x, int y, double fontScale, byte b, byte g, byte r, int thickness, int lineType);

    [LibraryImport(NativeLibraries.OpenCvShim, EntryPoint = "epcv_text_size")]
    internal static partial OpenCvStatus TextSize(byte* text, double fontScale, int thickness, out int width, out int height, out int baseline);
}
