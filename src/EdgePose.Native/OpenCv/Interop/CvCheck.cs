using System.Runtime.InteropServices;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>Turns shim status codes into exceptions carrying the shim's one-line message.</summary>
internal static unsafe class CvCheck
{
    /// <summary>The calling thread's last shim error message.</summary>
    public static string LastError() =>
        CvShim.LastError(out var message) == OpenCvStatus.Ok && message is not null
            ? Marshal.PtrToStringUTF8((IntPtr)message) ?? string.Empty
            : string.Empty;

    public static void ThrowIfFailed(OpenCvStatus status)
    {
        if (status != OpenCvStatus.Ok)
        {
            throw ToException(status, LastError());
        }
    }

    /// <summary>The exception for a status that is not about the user's input.</summary>
    public static Exception ToException(OpenCvStatus status, string message) => status switch
    {
        OpenCvStatus.Argument => new ArgumentException(message),
        _ => new OpenCvException(status, message),
    };
}
