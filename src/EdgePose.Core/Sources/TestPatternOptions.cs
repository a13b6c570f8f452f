namespace EdgePose.Core.Sources;

/// <summary>
/// What test:// asks of videotestsrc: the pattern (test://ball or ?pattern=ball), whether it runs in
/// real time like a camera (live=true, the default) or as fast as it is read (live=false), and an
/// optional frame count after which it ends (frames=N).
/// </summary>
public sealed record TestPatternOptions(string Pattern, bool Live, int? Frames)
{
    public const string DefaultPattern = "smpte";

    /// <summary>videotestsrc's pattern names (GStreamer 1.22).</summary>
    public static readonly IReadOnlyList<string> Patterns =
    [
        "smpte", "snow", "black", "white", "red", "green", "blue", "checkers-1", "checkers-2", "checkers-4",
        "checkers-8", "circular", "blink", "smpte75", "zone-plate", "gamut", "chroma-zone-plate", "solid-color",
        "ball", "smpte100", "bar", "pinwheel", "spokes", "gradient", "colors", "smpte-rp-219",
    ];

    public static readonly TestPatternOptions Default = new(DefaultPattern, Live: true, Frames: null);
}
