namespace EdgePose.Core.Datasets.Checks;

/// <summary>One problem found by <c>data check</c>, located by file and (where there is one) 1-based line.</summary>
public sealed record CheckFinding(CheckSeverity Severity, string File, int? Line, string Message)
{
    /// <summary>"file:line: error: message", the form compilers use and editors jump to.</summary>
    public override string ToString() =>
        $"{File}{(Line is { } l ? ":" + l : "")}: {(Severity == CheckSeverity.Error ? "error" : "warning")}: {Message}";
}
