using System.Text.RegularExpressions;
using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Host.Run.Settings;
using Microsoft.Extensions.Configuration;

namespace EdgePose.Host.Run;

/// <summary>
/// The configuration of `edgepose run`, in order of precedence from low to high: the settings' defaults, the JSON
/// file (--config; comments allowed), EDGEPOSE__* environment variables ("__" separates levels), the command line.
/// Errors are one line naming the file or the key.
/// </summary>
public static partial class RunConfiguration
{
    /// <summary>Environment variables with this prefix are settings: EDGEPOSE__Model__Path sets Model:Path.</summary>
    public const string EnvironmentPrefix = "EDGEPOSE__";

    public static IConfigurationRoot Build(string? configFile, IReadOnlyDictionary<string, string?> commandLine)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            InputFile.Require(configFile, "config file");
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(commandLine);
        IConfigurationRoot root;
        try
        {
            root = builder.Build();
        }
        catch (FormatException e)
        {
            throw new InputException($"config file '{configFile}' is not valid JSON: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"config file '{configFile}' is not valid JSON: {FirstLine(e.Message)}");
        }

        var unknown = UnknownSettingKeys.Find(root);
        if (unknown.Count > 0)
        {
            throw new InputException($"configuration key '{unknown[0]}' is not a setting of edgepose run{(unknown.Count > 1 ? $" (and {unknown.Count - 1} more)" : string.Empty)}; see config/edgepose.example.jsonc");
        }

        return root;
    }

    /// <summary>Binds <paramref name="configuration"/> to <see cref="RunSettings"/>; a value of the wrong type is an error naming its key.</summary>
    public static RunSettings Bind(IConfiguration configuration)
    {
        var settings = new RunSettings();
        try
        {
            configuration.Bind(settings);
        }
        catch (InvalidOperationException e) when (KeyIn().Match(e.Message) is { Success: true } m)
        {
            var key = m.Groups[1].Value;
            throw new InputException($"configuration key '{key}' has the value '{configuration[key]}', which is not of the setting's type");
        }

        return settings;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex("at '([^']+)'")]
    private static partial Regex KeyIn();
}
