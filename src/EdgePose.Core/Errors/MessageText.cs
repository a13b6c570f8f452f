using System.Globalization;
using System.Text;

namespace EdgePose.Core.Errors;

/// <summary>Puts text taken from user data into one-line error messages: control characters escaped, long text cut.</summary>
internal static class MessageText
{
    public const int DefaultMaxLength = 80;

    /// <summary>The text on one line (\n, \t, \xNN for control characters), cut to <paramref name="maxLength"/> with "...".</summary>
    public static string Shown(string text, int maxLength = DefaultMaxLength)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (char c in text)
        {
            if (sb.Length >= maxLength)
            {
                sb.Length = maxLength - 3;
                sb.Append("...");
                break;
            }

            AppendShown(sb, c);
        }

        return sb.ToString();
    }

    public static string Shown(char c) => AppendShown(new StringBuilder(4), c).ToString();

    private static StringBuilder AppendShown(StringBuilder sb, char c) => c switch
    {
        '\n' => sb.Append("\\n"),
        '\r' => sb.Append("\\r"),
        '\t' => sb.Append("\\t"),
        _ when char.IsControl(c) => sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
        _ => sb.Append(c),
    };
}
