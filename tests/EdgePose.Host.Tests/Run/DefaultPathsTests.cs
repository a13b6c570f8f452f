using EdgePose.Host.Run;

namespace EdgePose.Host.Tests.Run;

public sealed class DefaultPathsTests
{
    [Fact]
    public void The_mqtt_spool_lives_in_the_state_folder_systemd_gives_else_var_lib_for_root_else_xdg_state()
    {
        var before = Environment.GetEnvironmentVariable("STATE_DIRECTORY");
        try
        {
            Environment.SetEnvironmentVariable("STATE_DIRECTORY", "/var/lib/edgepose-unit:/var/lib/other");
            Assert.Equal("/var/lib/edgepose-unit/spool/mqtt", DefaultPaths.MqttSpool());

            Environment.SetEnvironmentVariable("STATE_DIRECTORY", null);
            var expected = Environment.IsPrivilegedProcess
                ? "/var/lib/edgepose"
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "edgepose");
            Assert.Equal(Path.Combine(expected, "spool", "mqtt"), DefaultPaths.MqttSpool());
        }
        finally
        {
            Environment.SetEnvironmentVariable("STATE_DIRECTORY", before);
        }
    }
}
