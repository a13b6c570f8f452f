using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Arrays on the pinned object heap: they never move, so ONNX Runtime may keep pointers into them for the
/// life of the engine without a GCHandle.
/// </summary>
internal static unsafe class PinnedArray
{
    public static T[] Allocate<T>(long length)
        where T : unmanaged =>
        length <= Array.MaxLength
            ? GC.AllocateArray<T>((int)length, pinned: true)
            : throw new NotSupportedException($"tensor of {length} elements is too large for one buffer");

    /// <summary>Address of element 0 of an array made by <see cref="Allocate{T}"/>.</summary>
    public static T* Address<T>(T[] pinned)
        where T : unmanaged => (T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
