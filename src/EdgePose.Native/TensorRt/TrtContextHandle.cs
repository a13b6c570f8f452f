using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.TensorRt;

/// <summary>
/// An ept_context: an execution context, destroyed on dispose. It keeps its engine alive (a context
/// must not outlive the engine it was made from), whatever order the two are disposed in.
/// </summary>
public sealed class TrtContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private TrtEngineHandle? _engine;

    public TrtContextHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Creates a context on <paramref name="engine"/>; returns the status, and the handle on success.</summary>
    public static TrtStatus Create(TrtEngineHandle engine, out TrtContextHandle context)
    {
        var added = false;
        engine.DangerousAddRef(ref added);
        var status = TrtApi.ept_context_create(engine, out context);
        if (status == TrtStatus.Ok && !context.IsInvalid)
        {
            context._engine = engine;
        }
        else
        {
            engine.DangerousRelease();
        }

        return status;
    }

    protected override bool ReleaseHandle()
    {
        TrtApi.ept_context_destroy(handle);
        _engine?.DangerousRelease();
        _engine = null;
        return true;
    }
}
