using System.CommandLine;
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

    /// <summary>A choice among some transfer modes, shown and typed in lower case.</summary>
    public static Option<string> TransferMode(string name, string description, FileTransferMode defaultValue, params FileTransferMode[] allowed)
    {
        var o = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => Lower(defaultValue),
        };
        o.AcceptOnlyFromAmong(allowed.Select(Lower).ToArray());
        return o;
    }

    public static FileTransferMode ParseMode(string value) => Enum.Parse<FileTransferMode>(value, ignoreCase: true);

    private static string Lower(FileTransferMode m) => m.ToString().ToLowerInvariant();

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
