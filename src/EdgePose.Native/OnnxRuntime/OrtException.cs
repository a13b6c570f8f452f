namespace EdgePose.Native.OnnxRuntime;

/// <summary>A failure reported by ONNX Runtime through an <c>OrtStatus</c>, with ONNX Runtime's own message.</summary>
public sealed class OrtException : Exception
{
    public OrtException(OrtErrorCode errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    public OrtException()
    {
    }

    public OrtException(string message)
        : base(message)
    {
    }

    public OrtException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public OrtErrorCode ErrorCode { get; } = OrtErrorCode.Fail;

    /// <summary>The first line of ONNX Runtime's message (its parse errors run over several lines).</summary>
    public string FirstLine
    {
        get
        {
            var m = Message.AsSpan().Trim();
            var nl = m.IndexOfAny('\r', '\n');
            return (nl < 0 ? m : m[..nl]).TrimEnd().ToString();
        }
    }
}
