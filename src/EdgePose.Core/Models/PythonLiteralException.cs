namespace EdgePose.Core.Models;

/// <summary>Text that is not a Python literal; <see cref="Position"/> is the 0-based character offset of the fault.</summary>
public sealed class PythonLiteralException : FormatException
{
    public PythonLiteralException(string reason, int position)
        : base($"{reason} at position {position}")
    {
        Reason = reason;
        Position = position;
    }

    public PythonLiteralException()
    {
        Reason = string.Empty;
    }

    public PythonLiteralException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = message;
    }

    public PythonLiteralException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>0-based offset in the parsed text.</summary>
    public int Position { get; }
}
