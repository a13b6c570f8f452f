using System.Text.Json;
using Json.Schema;

namespace EdgePose.Tests;

/// <summary>Checks pose events against the repository's v1 JSON Schema (schemas/pose-event.v1.schema.json) with JsonSchema.Net.</summary>
internal static class PoseEventSchemaCheck
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "schemas", "pose-event.v1.schema.json"))));

    /// <summary>The schema's complaints about <paramref name="json"/> ("location: message" each); empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = s_schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    /// <summary>Fails the test, listing the complaints, unless <paramref name="json"/> is a valid v1 event.</summary>
    public static void AssertValid(string json)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 0, "not a valid v1 pose event:\n" + string.Join("\n", errors) + "\n" + json);
    }
}
