using System.Text.Json;

namespace EdgePose.Host.Val;

/// <summary>Metrics in the val JSON files: a finite value as a number, NaN or infinity (no value) as null.</summary>
internal static class JsonMetricWriter
{
    public static void WriteMetric(this Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
