namespace EdgePose.Native.OpenCv;

/// <summary>A failure inside OpenCV or the shim that is not the user's input (those become InputException).</summary>
public sealed class OpenCvException : Exception
{
    public OpenCvException(OpenCvStatus status, string message)
        : base(message)
    {
        Status = status;
    }

    public OpenCvException()
    {
    }

    public OpenCvException(string message)
        : base(message)
    {
    }

    public OpenCvException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The shim's status code.</summary>
    public OpenCvStatus Status { get; } = OpenCvStatus.Internal;
}
