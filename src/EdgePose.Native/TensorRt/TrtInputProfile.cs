using System.Runtime.InteropServices;

namespace EdgePose.Native.TensorRt;

/// <summary>ept_input_profile: min/opt/max dimensions of one network input for the optimisation profile.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TrtInputProfile
{
    /// <summary>UTF-8, null-terminated, owned by the caller for the duration of the build.</summary>
    public byte* Name;
    public int Rank;
    public int Reserved;
    public fixed long Min[TrtAbi.MaxDims];
    public fixed long Opt[TrtAbi.MaxDims];
    public fixed long Max[TrtAbi.MaxDims];
}
