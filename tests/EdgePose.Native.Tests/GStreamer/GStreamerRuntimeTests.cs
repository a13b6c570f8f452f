using EdgePose.Native.GStreamer;

namespace EdgePose.Native.Tests.GStreamer;

public sealed class GStreamerRuntimeTests
{
    [Fact]
    public void Missing_gstreamer_is_one_error_naming_the_library_and_the_debian_package()
    {
        var message = GStreamerRuntime.MissingLibraryMessage(name => name != "libgstreamer-1.0.so.0");

        Assert.Equal("GStreamer not found: cannot load libgstreamer-1.0.so.0; install the Debian package libgstreamer1.0-0 (scripts/setup.sh installs GStreamer and its plugins)", message);
    }

    [Fact]
    public void Missing_app_library_names_the_plugins_base_package()
    {
        var message = GStreamerRuntime.MissingLibraryMessage(name => name != "libgstapp-1.0.so.0");

        Assert.Contains("libgstapp-1.0.so.0", message, StringComparison.Ordinal);
        Assert.Contains("libgstreamer-plugins-base1.0-0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_libraries_present_gives_no_error()
    {
        Assert.Null(GStreamerRuntime.MissingLibraryMessage(_ => true));
    }

    [RequiresGStreamerFact]
    public void Version_is_gstreamer_one()
    {
        Assert.StartsWith("1.", GStreamerRuntime.Version, StringComparison.Ordinal);
    }

    [RequiresGStreamerFact]
    public void Registry_knows_installed_elements_and_not_made_up_ones()
    {
        Assert.True(GstElementRegistry.Has("videotestsrc"));
        Assert.True(GstElementRegistry.Has("appsink"));
        Assert.False(GstElementRegistry.Has("nosuchelement"));
    }

    [RequiresGStreamerFact]
    public void Hardware_elements_are_only_those_the_registry_has()
    {
        var hardware = GstElementRegistry.HardwareElements();

        Assert.All(hardware, e => Assert.True(GstElementRegistry.Has(e)));
    }
}
