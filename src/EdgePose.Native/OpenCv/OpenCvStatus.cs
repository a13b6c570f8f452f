namespace EdgePose.Native.OpenCv;

/// <summary>Status codes of the OpenCV shim (epcv_status in native/opencv_shim/include/edgepose_cv.h).</summary>
public enum OpenCvStatus
{
    Ok = 0,
    Argument = 1,
    NotFound = 2,
    Decode = 3,
    Encode = 4,
    Io = 5,
    Open = 6,
    Unsupported = 7,
    OpenCv = 8,
    OutOfMemory = 9,
    Internal = 10,
}
