namespace EdgePose.Core.Errors;

/// <summary>
/// Bad input from the user (a file, an option, a model, data): the message is one line that names
/// the thing that is wrong. Commands print it as "error: ..." and exit non-zero; nothing else is lost.
/// </summary>
public class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputException()
    {
    }
}
