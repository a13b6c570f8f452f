namespace EdgePose.Native.Cuda;

/// <summary>A kernel of a loaded <see cref="CudaModule"/> (a CUfunction), valid while its module is alive.</summary>
public readonly record struct CudaFunction(nint Handle, string Name)
{
    /// <summary>
    /// Queues the kernel on <paramref name="stream"/>: a grid of gridX × gridY blocks of blockX × blockY
    /// threads. <paramref name="arguments"/> holds one pointer per kernel parameter, to that parameter's value.
    /// </summary>
    public unsafe void Launch(uint gridX, uint gridY, uint blockX, uint blockY, CudaStream stream, void** arguments) =>
        Launch(gridX, gridY, 1, blockX, blockY, stream, arguments);

    /// <summary>The same with <paramref name="gridZ"/> layers of blocks.</summary>
    public unsafe void Launch(uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, CudaStream stream, void** arguments)
    {
        if (gridX == 0 || gridY == 0 || gridZ == 0 || blockX == 0 || blockY == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gridX), $"launch of {Name} with an empty grid {gridX}x{gridY}x{gridZ} of {blockX}x{blockY} blocks");
        }

        // The call's name is formatted only on failure: a launch per kernel per frame allocates nothing.
        var result = CudaDriverApi.cuLaunchKernel(Handle, gridX, gridY, gridZ, blockX, blockY, 1, 0, stream.RawHandle, arguments, null);
        if (result != CudaResult.Success)
        {
            CudaException.ThrowIfFailed(result, $"cuLaunchKernel({Name})");
        }
    }

    /// <summary>Registers per thread and local (spilled) bytes per thread the driver compiled the kernel to.</summary>
    public (int Registers, int LocalBytes) Resources()
    {
        const int LocalSizeBytes = 3, NumRegs = 4; // CU_FUNC_ATTRIBUTE_LOCAL_SIZE_BYTES, CU_FUNC_ATTRIBUTE_NUM_REGS
        CudaException.ThrowIfFailed(CudaDriverApi.cuFuncGetAttribute(out int registers, NumRegs, Handle), $"cuFuncGetAttribute({Name})");
        CudaException.ThrowIfFailed(CudaDriverApi.cuFuncGetAttribute(out int local, LocalSizeBytes, Handle), $"cuFuncGetAttribute({Name})");
        return (registers, local);
    }
}
