using System.CommandLine;
using System.Runtime.InteropServices;

namespace EdgePose.Host.Commands;

/// <summary>`edgepose info`: versions of the runtime pieces this machine has.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var cmd = new Command("info", "Show versions of .NET and the native libraries found");
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"edgepose {typeof(InfoCommand).Assembly.GetName().Version}");
            o.WriteLine($".NET {Environment.Version} on {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
            return 0;
        });
        return cmd;
    }
}
