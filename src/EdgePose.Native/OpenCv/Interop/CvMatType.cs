namespace EdgePose.Native.OpenCv.Interop;

/// <summary>OpenCV type codes the shim uses (CV_MAKETYPE(depth, channels)).</summary>
internal static class CvMatType
{
    public const int U8C1 = 0;
    public const int U8C3 = 16;
}
