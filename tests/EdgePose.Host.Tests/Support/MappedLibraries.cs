using System.Diagnostics;

namespace EdgePose.Host.Tests.Support;

/// <summary>
/// Starts `edgepose` as a child process, waits until a condition shows it is well into its work, and reads the
/// shared libraries mapped into it from /proc/PID/maps; the child is then stopped.
/// </summary>
internal static class MappedLibraries
{
    public sealed record Snapshot(IReadOnlySet<string> Files, int? ExitCode, string Stderr)
    {
        public bool Has(string fileName) => Files.Any(f => Path.GetFileName(f) == fileName);
    }

    /// <summary>
    /// Runs <c>dotnet APP_DIR/edgepose.dll ARGS</c>, polls <paramref name="ready"/> every 50 ms (up to 2 minutes),
    /// then reads the child's maps. A child that exits first gives an empty set and its exit code.
    /// </summary>
    public static Snapshot WhileRunning(string appDirectory, Func<bool> ready, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(appDirectory, "edgepose.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!ready())
            {
                if (p.WaitForExit(50))
                {
                    p.WaitForExit();
                    return new Snapshot(new HashSet<string>(), p.ExitCode, stderr.Result);
                }

                if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException("edgepose did not get ready within 2 minutes");
                }
            }

            var files = File.ReadLines($"/proc/{p.Id}/maps")
                .Select(l => l.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length == 6 && f[5].StartsWith('/'))
                .Select(f => f[5].Trim())
                .ToHashSet(StringComparer.Ordinal);
            return new Snapshot(files, null, string.Empty);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            p.WaitForExit();
            _ = stdout.Result;
        }
    }
}
