using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>ept_version_info: TensorRT compiled against and loaded, parser and CUDA runtime versions.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TrtVersionInfo
{
    public int AbiVersion;
    public int HeaderMajor;
    public int HeaderMinor;
    public int HeaderPatch;
    public int HeaderBuild;
    public int LibraryMajor;
    public int LibraryMinor;
    public int LibraryPatch;
    public int ParserVersion;
    public int CudaRuntimeVersion;
}
