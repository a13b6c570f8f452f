namespace EdgePose.Core.Files;

/// <summary>
/// Names the folder of a new run as Ultralytics does: the folder asked for when it is free (missing or empty),
/// else the same name with 2, 3, ... appended (runs/predict, runs/predict2, ...), so a rerun never writes over
/// the files of an earlier one.
/// </summary>
public static class RunFolderNaming
{
    /// <summary>The most suffixes tried before giving up (a folder with this many runs beside it is a mistake).</summary>
    public const int MaxSuffix = 9999;

    /// <param name="requested">The folder asked for.</param>
    /// <param name="isFree">Whether a folder path may be used for a new run (does not exist, or is empty).</param>
    /// <returns>The first free name, or null when none of the <see cref="MaxSuffix"/> names is free.</returns>
    public static string? FirstFree(string requested, Func<string, bool> isFree)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(requested);
        if (isFree(trimmed))
        {
            return trimmed;
        }

        for (int n = 2; n <= MaxSuffix; n++)
        {
            var candidate = trimmed + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (isFree(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
