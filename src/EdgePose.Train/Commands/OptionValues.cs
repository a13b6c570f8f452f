using System.CommandLine;
using System.CommandLine.Parsing;
using EdgePose.Train.Datasets;

namespace EdgePose.Train.Commands;

/// <summary>Option pieces several data commands share.</summary>
internal static class OptionValues
{
    public static Option<bool> Force() => new("--force")
    {
        Description = "Write into a non-empty output folder (files are added or replaced, never deleted)",
    };

    public static Option<string> Output() => new("--output", "-o")
    {
        Description = "New folder to write to (must not exist or be empty; never an input folder)",
        Required = true,
    };

    public static Option<FileTransferMode> TransferMode(string name, string description, FileTransferMode defaultValue, params FileTransferMode[] allowed)
    {
        var o = new Option<FileTransferMode>(name)
        {
            Description = description + $" ({string.Join(", ", allowed.Select(Lower))}; default {Lower(defaultValue)})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => Parse(r, allowed),
        };
        return o;
    }

    public static string Lower(FileTransferMode m) => m.ToString().ToLowerInvariant();

    private static FileTransferMode Parse(ArgumentResult r, FileTransferMode[] allowed)
    {
        var token = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        foreach (var m in allowed)
        {
            if (string.Equals(Lower(m), token, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        r.AddError($"'{token}' is not one of {string.Join(", ", allowed.Select(Lower))}");
        return allowed[0];
    }

    /// <summary>Adds a validator that the value lies in [min, max].</summary>
    public static T InRange<T>(this T option, double min, double max)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && double.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && (v < min || v > max))
            {
                r.AddError($"{option.Name} {r.Tokens[0].Value} is outside {min}..{max}");
            }
        });
        return option;
    }
}
