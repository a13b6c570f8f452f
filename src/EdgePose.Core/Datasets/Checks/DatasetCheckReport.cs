namespace EdgePose.Core.Datasets.Checks;

/// <summary>The findings of a check, in file order, and the summary counts.</summary>
public sealed record DatasetCheckReport(IReadOnlyList<CheckFinding> Findings, DatasetSummary Summary)
{
    public int Errors => Findings.Count(f => f.Severity == CheckSeverity.Error);

    public int Warnings => Findings.Count(f => f.Severity == CheckSeverity.Warning);
}
