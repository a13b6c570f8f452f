using System.Runtime.InteropServices;
using EdgePose.Core.Engines;
using EdgePose.Native.Cuda;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// A <see cref="SyntheticPoseEngine"/> buffer set: host arrays, or device buffers (with a host mirror of the
/// output, which <see cref="Output"/> returns) when made in device memory.
/// </summary>
internal sealed class SyntheticBufferSet : EngineBufferSet
{
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly TensorShape _outputShape;
    private readonly CudaPrimaryContext? _context;
    private readonly CudaStream? _stream;
    private readonly CudaDeviceBuffer? _inputDevice;
    private readonly CudaDeviceBuffer? _outputDevice;

    public SyntheticBufferSet(SyntheticPoseEngine engine, MemoryLocation input, MemoryLocation output, CudaPrimaryContext? context)
        : base(engine, engine.MaxBatch, engine.Inputs[0], input, output)
    {
        _outputShape = engine.Outputs[0].Shape;
        _input = input == MemoryLocation.Host ? new float[engine.Inputs[0].Shape.ElementCount] : [];
        _output = new float[_outputShape.ElementCount];
        _context = context;
        if (context is not null && (input == MemoryLocation.Device || output == MemoryLocation.Device))
        {
            _stream = context.CreateStream();
            _inputDevice = input == MemoryLocation.Device ? context.AllocateDevice((ulong)engine.Inputs[0].Shape.ElementCount * sizeof(float)) : null;
            _outputDevice = output == MemoryLocation.Device ? context.AllocateDevice((ulong)_output.Length * sizeof(float)) : null;
        }
    }

    public override IInferenceCompletion Completion => CompletedInference.Instance;

    public override nint InputDevicePointer => _inputDevice?.DevicePointer ?? 0;

    public override nint OutputDevicePointer(int index) => _outputDevice?.DevicePointer ?? 0;

    public override Span<float> InputSlot(int slot) =>
        _inputDevice is null
            ? _input.AsSpan(CheckSlot(slot) * SlotElements, SlotElements)
            : throw new InvalidOperationException("this buffer set's input is in device memory");

    public override ReadOnlySpan<float> Output(int index, out TensorShape shape)
    {
        shape = _outputShape;
        return _output;
    }

    /// <summary>Slot <paramref name="slot"/> of the input as written (copied back from the device for a device set).</summary>
    public float[] ReadInput(int slot)
    {
        if (_inputDevice is null)
        {
            return InputSlot(slot).ToArray();
        }

        ulong bytes = (ulong)SlotElements * sizeof(float);
        using var scope = _context!.Push();
        using var pinned = _context.AllocatePinned(_inputDevice.Bytes);
        _inputDevice.CopyToHostAsync(pinned, _inputDevice.Bytes, _stream!);
        _stream!.Synchronize();
        return pinned.AsSpan<float>().Slice(slot * SlotElements, SlotElements).ToArray();
    }

    /// <summary>Sets image <paramref name="slot"/> of the output (and its device copy for a device set).</summary>
    public void SetOutput(int slot, ReadOnlySpan<float> values)
    {
        int per = _output.Length / MaxBatch;
        values.CopyTo(_output.AsSpan(CheckSlot(slot) * per, per));
        if (_outputDevice is null)
        {
            return;
        }

        using var scope = _context!.Push();
        using var pinned = _context.AllocatePinned(_outputDevice.Bytes);
        MemoryMarshal.Cast<float, byte>(_output).CopyTo(pinned.AsSpan<byte>());
        _outputDevice.CopyFromHostAsync(pinned, _outputDevice.Bytes, _stream!);
        _stream!.Synchronize();
    }

    protected override void Dispose(bool disposing)
    {
        _inputDevice?.Dispose();
        _outputDevice?.Dispose();
        _stream?.Dispose();
    }
}
