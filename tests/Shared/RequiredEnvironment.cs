namespace EdgePose.Tests;

/// <summary>
/// What a test run demands of its machine. <c>EDGEPOSE_REQUIRE_GPU=1</c> (a GPU or Jetson run: CUDA driver,
/// GPU and TensorRT) and <c>EDGEPOSE_REQUIRE_SHARED=1</c> (a run with ../shared) turn the matching skips into
/// failures that carry the skip's reason, so such a run cannot pass by skipping.
/// </summary>
internal static class RequiredEnvironment
{
    public const string GpuVariable = "EDGEPOSE_REQUIRE_GPU";

    public const string SharedVariable = "EDGEPOSE_REQUIRE_SHARED";

    private static readonly AsyncLocal<Overridden?> s_overrides = new();

    /// <summary>True when <paramref name="variable"/> is set to 1, true or yes (any case).</summary>
    public static bool IsRequired(string variable)
    {
        for (var o = s_overrides.Value; o is not null; o = o.Outer)
        {
            if (o.Variable == variable)
            {
                return IsSet(o.Value);
            }
        }

        return IsSet(Environment.GetEnvironmentVariable(variable));
    }

    /// <summary>
    /// For tests of this mechanism: <paramref name="variable"/> reads as <paramref name="value"/> in the calling
    /// flow only (not in other tests running at the same time), until the result is disposed.
    /// </summary>
    public static IDisposable Override(string variable, string? value)
    {
        var outer = s_overrides.Value;
        s_overrides.Value = new Overridden(variable, value, outer);
        return new Restore(outer);
    }

    /// <summary>"1", "true", "yes" (any case, spaces around) require; unset, empty, "0" and anything else do not.</summary>
    public static bool IsSet(string? value) => value?.Trim().ToUpperInvariant() is "1" or "TRUE" or "YES";

    /// <summary>
    /// What becomes of a test whose precondition is missing for <paramref name="missing"/> (null: nothing is
    /// missing, it runs): a skip with that reason, or, when <paramref name="variable"/> demands the precondition,
    /// a failure that names the variable and the reason.
    /// </summary>
    public static RequirementVerdict Judge(string? missing, string variable) => Judge(missing, variable, IsRequired(variable));

    public static RequirementVerdict Judge(string? missing, string variable, bool required) =>
        missing is null ? default
        : required ? new RequirementVerdict(null, $"{variable}=1 demands it, but {missing}")
        : new RequirementVerdict(missing, null);

    /// <summary>The first verdict that does not run (each precondition in turn), or one that runs.</summary>
    public static RequirementVerdict First(params RequirementVerdict[] verdicts) =>
        verdicts.FirstOrDefault(v => !v.Runs);

    private sealed record Overridden(string Variable, string? Value, Overridden? Outer);

    private sealed class Restore(Overridden? outer) : IDisposable
    {
        public void Dispose() => s_overrides.Value = outer;
    }
}
