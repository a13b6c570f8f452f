using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer.Interop;

namespace EdgePose.Native.GStreamer;

/// <summary>Asks GStreamer's registry which elements exist (JetPack's hardware decoder, converter and CSI source).</summary>
public static class GstElementRegistry
{
    /// <summary>True when an element factory named <paramref name="element"/> is installed.</summary>
    public static bool Has(string element)
    {
        GStreamerRuntime.EnsureInitialized();
        using var factory = GstCoreApi.ElementFactoryFind(element);
        return !factory.IsInvalid;
    }

    /// <summary>Which of <see cref="GstElementNames.Hardware"/> exist, for <see cref="SourcePipelineOptions.Elements"/>.</summary>
    public static IReadOnlySet<string> HardwareElements() =>
        GstElementNames.Hardware.Where(Has).ToHashSet(StringComparer.Ordinal);
}
