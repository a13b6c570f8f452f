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

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>0-based offset in the parsed text.</summary>
    public int Position { get; }
}
