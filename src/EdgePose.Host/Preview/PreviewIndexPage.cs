using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace EdgePose.Host.Preview;

/// <summary>
/// The preview's index page: index.html (embedded in the assembly: plain HTML, CSS and a small script, nothing
/// fetched from elsewhere) with one card per source, each streaming /stream/{id} and showing the source's
/// state, fps, persons, frames, drops and reconnects, refreshed from /status every second.
/// </summary>
internal static class PreviewIndexPage
{
    private const string ResourceName = "EdgePose.Host.Preview.index.html";

    /// <summary>The page for <paramref name="previews"/>, UTF-8.</summary>
    public static byte[] Render(IReadOnlyList<SourcePreview> previews, double maxFps)
    {
        using var stream = typeof(PreviewIndexPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string template = reader.ReadToEnd();
        var cards = new StringBuilder();
        foreach (var p in previews)
        {
            Card(cards, p);
        }

        return Encoding.UTF8.GetBytes(template
            .Replace("<!--CARDS-->", cards.ToString(), StringComparison.Ordinal)
            .Replace("<!--MAXFPS-->", maxFps.ToString("0.#", CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    private static void Card(StringBuilder html, SourcePreview preview)
    {
        var h = HtmlEncoder.Default;
        string id = h.Encode(preview.Source.Id);
        string url = h.Encode("/stream/" + Uri.EscapeDataString(preview.Source.Id));
        html.Append(CultureInfo.InvariantCulture, $"""
              <section class="card" id="source-{preview.Source.Index}">
                <h2><span class="id" title="{id}">{id}</span><span class="state connecting">connecting</span></h2>
                <div class="view"><span class="wait">waiting for frames&hellip;</span><img src="{url}" alt="{id}"></div>
                <div class="stats">
                  <div><b class="fps">&ndash;</b><span>fps</span></div>
                  <div><b class="persons">&ndash;</b><span>persons</span></div>
                  <div><b class="frames">&ndash;</b><span>frames</span></div>
                  <div><b class="dropped">&ndash;</b><span>drops</span></div>
                  <div><b class="reconnects">&ndash;</b><span>reconnects</span></div>
                </div>
                <div class="uri">{h.Encode(preview.Source.Uri.Display)}</div>
                <div class="error" hidden></div>
              </section>

            """);
    }
}
