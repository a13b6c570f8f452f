using System.Diagnostics;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Support;

/// <summary>Debian's chromium, headless: finds it on PATH and takes screenshots of pages.</summary>
internal static class HeadlessChromium
{
    private static readonly Lazy<string?> s_path = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists));

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Executable => s_path.Value;

    /// <summary>
    /// Loads <paramref name="url"/> in a <paramref name="width"/> x <paramref name="height"/> window, lets its
    /// scripts run for <paramref name="settle"/> of page time, and writes a PNG screenshot to <paramref name="png"/>.
    /// </summary>
    public static void Screenshot(Uri url, string png, int width, int height, TimeSpan settle)
    {
        var browser = Executable ?? throw new InvalidOperationException("chromium is not installed");
        var profile = TestPaths.NewTempDir("edgepose-chromium");
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-dev-shm-usage", $"--user-data-dir={profile}", $"--window-size={width},{height}",
            $"--virtual-time-budget={(int)settle.TotalMilliseconds}", $"--screenshot={png}", url.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium took over 90 s to screenshot {url}");
            }

            Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
