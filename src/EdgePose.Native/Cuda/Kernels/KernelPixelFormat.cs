namespace EdgePose.Native.Cuda.Kernels;

/// <summary>Source pixel formats of the preprocess kernel (EP_FORMAT_* in native/kernels/ep_params.h).</summary>
public enum KernelPixelFormat
{
    /// <summary>3 bytes per pixel, B, G, R.</summary>
    Bgr = 0,

    /// <summary>4 bytes per pixel, B, G, R, alpha (ignored).</summary>
    Bgra = 1,

    /// <summary>Y plane, then interleaved U, V at half resolution (what hardware video decoders give); BT.601 limited range.</summary>
    Nv12 = 2,
}
