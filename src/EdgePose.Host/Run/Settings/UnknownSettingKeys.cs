using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace EdgePose.Host.Run.Settings;

/// <summary>
/// Finds configuration keys that no setting has (a typo such as "Pipline" would otherwise be ignored in silence),
/// by walking the configuration against the settings classes. "Serilog" is left to Serilog.
/// </summary>
public static class UnknownSettingKeys
{
    private static readonly HashSet<string> s_foreign = new(StringComparer.OrdinalIgnoreCase) { "Serilog" };

    /// <summary>Every unknown key, as its full path ("Pipeline:ReadTimeout").</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var unknown = new List<string>();
        foreach (var child in configuration.GetChildren())
        {
            if (!s_foreign.Contains(child.Key))
            {
                Walk(child, typeof(RunSettings), unknown);
            }
        }

        return unknown;
    }

    private static void Walk(IConfigurationSection section, Type owner, List<string> unknown)
    {
        var property = owner.GetProperty(section.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            unknown.Add(section.Path);
            return;
        }

        WalkValue(section, property.PropertyType, unknown);
    }

    private static void WalkValue(IConfigurationSection section, Type type, List<string> unknown)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum)
        {
            foreach (var child in section.GetChildren())
            {
                unknown.Add(child.Path);
            }

            return;
        }

        if (type.IsGenericType && typeof(IList).IsAssignableFrom(type))
        {
            var item = type.GetGenericArguments()[0];
            foreach (var child in section.GetChildren())
            {
                if (!int.TryParse(child.Key, out _))
                {
                    unknown.Add(child.Path);
                    continue;
                }

                WalkValue(child, item, unknown);
            }

            return;
        }

        foreach (var child in section.GetChildren())
        {
            Walk(child, type, unknown);
        }
    }
}
