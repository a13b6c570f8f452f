namespace EdgePose.Native.TensorRt;

/// <summary>TensorRT's log severities (ILogger::Severity, EPT_LOG_*): lower is more severe.</summary>
public enum TrtLogSeverity
{
    InternalError = 0,
    Error = 1,
    Warning = 2,
    Info = 3,
    Verbose = 4,
}
