namespace EdgePose.Core.Datasets.Checks;

/// <summary>How bad a finding is: an error makes the data set unusable or wrong; a warning is worth a look.</summary>
public enum CheckSeverity
{
    Warning,
    Error,
}
