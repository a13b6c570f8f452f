using System.Globalization;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Models;

/// <summary>
/// Typed access to parsed metadata values (the objects <see cref="PythonLiteral"/> gives, or the same
/// from JSON) with one-line errors that name the source, the key and the value as written.
/// Every getter returns null when the key is absent.
/// </summary>
internal sealed class MetadataFields(string source, IReadOnlyDictionary<string, string> raw, IReadOnlyDictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, string> Raw => raw;

    public string? Text(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        if (v is not string s)
        {
            throw Malformed(key, "is not a string");
        }

        return string.IsNullOrWhiteSpace(s) ? throw Malformed(key, "is empty") : s;
    }

    public bool? Bool(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        return v as bool? ?? throw Malformed(key, "is not True or False");
    }

    public int? PositiveInt(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        return TryPositiveInt(v, out int n) ? n : throw Malformed(key, "is not a positive int");
    }

    /// <summary>kpt_shape: [K, D] with K ≥ 1 and D = 2 or 3.</summary>
    public (int Count, int Dims)? KeypointShape(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        if (v is IReadOnlyList<object?> { Count: 2 } list
            && TryPositiveInt(list[0], out int k)
            && TryPositiveInt(list[1], out int d)
            && d is 2 or 3)
        {
            return (k, d);
        }

        throw Malformed(key, "is not [K, D] (K keypoints, D = 2 or 3 values each)");
    }

    /// <summary>stride: an int, or a list of per-level strides of which the largest is the model's stride.</summary>
    public int? Stride(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        if (TryPositiveInt(v, out int single))
        {
            return single;
        }

        if (v is IReadOnlyList<object?> { Count: > 0 } list)
        {
            int max = 0;
            foreach (var item in list)
            {
                if (!TryPositiveInt(item, out int s))
                {
                    max = 0;
                    break;
                }

                max = Math.Max(max, s);
            }

            if (max > 0)
            {
                return max;
            }
        }

        throw Malformed(key, "is not a positive int or a list of them");
    }

    /// <summary>imgsz: [h, w], [n] or n.</summary>
    public (int Height, int Width)? ImageSize(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        if (TryPositiveInt(v, out int n))
        {
            return (n, n);
        }

        switch (v)
        {
            case IReadOnlyList<object?> { Count: 1 } one when TryPositiveInt(one[0], out int s):
                return (s, s);
            case IReadOnlyList<object?> { Count: 2 } two when TryPositiveInt(two[0], out int h) && TryPositiveInt(two[1], out int w):
                return (h, w);
            default:
                throw Malformed(key, "is not [height, width] or a single size");
        }
    }

    /// <summary>names: {index: name} with indices 0..N-1 (int or digit-string keys), or a list of names.</summary>
    public IReadOnlyDictionary<int, string>? Names(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        var names = new SortedDictionary<int, string>();
        switch (v)
        {
            case IReadOnlyList<object?> list:
                for (int i = 0; i < list.Count; i++)
                {
                    names[i] = list[i] as string ?? throw Malformed(key, $"has a name that is not a string (index {i})");
                }

                break;
            case IEnumerable<KeyValuePair<object, object?>> dict:
                foreach (var (k, name) in dict)
                {
                    if (!TryClassIndex(k, out int index))
                    {
                        throw Malformed(key, $"has a key that is not a class index ({MessageText.Shown(k.ToString() ?? "")})");
                    }

                    if (!names.TryAdd(index, name as string ?? throw Malformed(key, $"has a name that is not a string (index {index})")))
                    {
                        throw Malformed(key, $"has class index {index} twice");
                    }
                }

                break;
            default:
                throw Malformed(key, "is not a {index: name} dict or a list of names");
        }

        if (names.Count > 0 && names.Keys.Last() != names.Count - 1)
        {
            throw Malformed(key, $"has class indices that are not 0..{names.Count - 1}");
        }

        return names;
    }

    /// <summary>
    /// kpt_names: Ultralytics writes {class: [names]} (one list per class); a plain list is taken too.
    /// Returns the first class's list.
    /// </summary>
    public IReadOnlyList<string>? KeypointNames(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        object? list = v switch
        {
            IReadOnlyList<object?> l => l,
            IEnumerable<KeyValuePair<object, object?>> dict => dict.FirstOrDefault().Value,
            _ => null,
        };
        if (list is IReadOnlyList<object?> items && items.Count > 0 && items.All(i => i is string))
        {
            return items.Cast<string>().ToArray();
        }

        throw Malformed(key, "is not a list of keypoint names or a {class: [names]} dict");
    }

    /// <summary>args: a dict; returns its nms entry (null when args or nms is absent).</summary>
    public bool? ArgsNms(string key)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return null;
        }

        if (v is not IReadOnlyDictionary<object, object?> args)
        {
            throw Malformed(key, "is not a dict");
        }

        if (!args.TryGetValue("nms", out var nms) || nms is null)
        {
            return null;
        }

        return nms as bool? ?? throw Malformed(key, "has an nms value that is not True or False");
    }

    public FormatException Malformed(string key, string problem) =>
        new($"{source}: metadata '{key}' = '{MessageText.Shown(raw.TryGetValue(key, out var text) ? text : "")}' {problem}");

    private static bool TryPositiveInt(object? v, out int n)
    {
        n = v switch
        {
            long l when l is > 0 and <= int.MaxValue => (int)l,
            double d when d is > 0 and <= int.MaxValue && d == Math.Floor(d) => (int)d,
            _ => 0,
        };
        return n > 0;
    }

    private static bool TryClassIndex(object key, out int index)
    {
        index = -1;
        switch (key)
        {
            case long l when l is >= 0 and <= int.MaxValue:
                index = (int)l;
                return true;
            case string s:
                return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out index);
            default:
                return false;
        }
    }
}
