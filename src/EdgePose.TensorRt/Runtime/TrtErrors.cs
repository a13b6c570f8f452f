using EdgePose.Core.Errors;
using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>Turns a wrapper status into an exception carrying the wrapper's one-line message.</summary>
internal static class TrtErrors
{
    /// <summary>
    /// Throws for anything but <see cref="TrtStatus.Ok"/>: bad input (a rejected model, an unusable option,
    /// a file) as <see cref="InputException"/>, everything else as <see cref="TensorRtException"/>.
    /// </summary>
    public static void Check(TrtStatus status, string? context = null)
    {
        if (status != TrtStatus.Ok)
        {
            throw Create(status, LastError(), context);
        }
    }

    /// <summary>The exception for <paramref name="status"/> with the wrapper's <paramref name="message"/>.</summary>
    public static Exception Create(TrtStatus status, string message, string? context = null)
    {
        var text = string.IsNullOrWhiteSpace(message) ? $"TensorRT wrapper returned {status}" : message;
        if (context is not null)
        {
            text = $"{context}: {text}";
        }

        return status switch
        {
            TrtStatus.InvalidArgument or TrtStatus.ParseFailed or TrtStatus.IoError or TrtStatus.Unsupported => new InputException(text),
            TrtStatus.Cancelled => new OperationCanceledException(text),
            _ => new TensorRtException(text) { Status = status },
        };
    }

    public static unsafe string LastError() => TrtText.FromPointer(TrtApi.ept_last_error());
}
