using EdgePose.Core.Errors;
using EdgePose.Core.Files;

namespace EdgePose.Cli.Files;

/// <summary>
/// The output folder of an `edgepose` run (predict, val). A folder that already holds files is never written
/// into silently: the run goes to the next free name (runs/predict2, runs/predict3, ... as Ultralytics does),
/// unless --exist-ok asks to reuse it (as --force does for edgepose-train). The folder, once links are followed,
/// must not be an input folder or the folder that holds an input file, so an output never replaces an input.
/// </summary>
public static class RunFolder
{
    /// <param name="requested">The --out folder.</param>
    /// <param name="existOk">Write into the folder even if it holds files (same-named files are replaced).</param>
    /// <param name="inputs">Input files and folders (local paths; stream URIs are left out by the caller).</param>
    /// <returns>The folder to write into (not yet created).</returns>
    public static string Choose(string requested, bool existOk, IEnumerable<string> inputs)
    {
        var chosen = existOk ? requested : RunFolderNaming.FirstFree(requested, IsFree)
            ?? throw new InputException($"output folder '{requested}' and {RunFolderNaming.MaxSuffix - 1} numbered ones beside it all hold files; choose another --out");
        if (File.Exists(chosen))
        {
            throw new InputException($"output '{chosen}' is a file, not a folder; choose another --out");
        }

        var real = RealPath.Of(chosen);
        foreach (var input in inputs)
        {
            var inReal = RealPath.Of(input);
            var holder = Directory.Exists(inReal) ? inReal : Path.GetDirectoryName(inReal) ?? inReal;
            if (PathContainment.IsSame(real, holder))
            {
                throw new InputException($"output folder '{chosen}' is the folder of the input '{input}'; its files could be replaced; choose another --out");
            }
        }

        return chosen;
    }

    private static bool IsFree(string folder) =>
        !File.Exists(folder) && (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any());
}
