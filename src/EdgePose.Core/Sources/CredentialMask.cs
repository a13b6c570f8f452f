using System.Text.RegularExpressions;

namespace EdgePose.Core.Sources;

/// <summary>
/// Hides the user name and password of URLs (rtsp://user:pass@host/...) in text meant for people:
/// every message and log line that names a source goes through <see cref="Mask"/>.
/// </summary>
public static partial class CredentialMask
{
    /// <summary>What replaces the credentials.</summary>
    public const string Hidden = "***";

    /// <summary>
    /// <paramref name="text"/> with the user-info part of every URL in it (scheme://user:pass@) replaced
    /// by <see cref="Hidden"/>: "rtsp://admin:secret@cam/live" becomes "rtsp://***@cam/live".
    /// </summary>
    public static string Mask(string text) => UserInfo().Replace(text, "$1" + Hidden + "@");

    // scheme "://" then user-info up to the last '@' before the host part ends (no '/', whitespace or quote).
    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.\-]*://)[^/\s""'@]*(?:@[^/\s""'@]*)*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();
}
