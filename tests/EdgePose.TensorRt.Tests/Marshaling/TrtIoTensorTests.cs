using System.Text;
using EdgePose.Core.Engines;
using EdgePose.Native.TensorRt;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Tests.Marshaling;

public unsafe class TrtIoTensorTests
{
    [Fact]
    public void Tensor_info_from_the_wrapper_becomes_a_description()
    {
        var info = new TrtIoTensorNative { Rank = 3, IoMode = TrtAbi.IoOutput, DataType = 1, Format = 0, VectorizedDim = -1, ComponentsPerElement = 1, BytesPerComponent = 4 };
        Encoding.UTF8.GetBytes("output0", new Span<byte>(info.Name, TrtAbi.NameCapacity));
        Encoding.UTF8.GetBytes("Row-major linear FP32 format (kLINEAR)", new Span<byte>(info.FormatDescription, TrtAbi.NameCapacity));
        info.Dims[0] = -1;
        info.Dims[1] = 56;
        info.Dims[2] = 8400;
        info.Dims[3] = 99; // beyond the rank: ignored

        var d = TrtIoTensor.FromNative(1, info);

        Assert.Equal(1, d.Index);
        Assert.Equal("output0", d.Name);
        Assert.False(d.IsInput);
        Assert.Equal(TensorElementType.Float32, d.ElementType);
        Assert.Equal(new TensorShape([-1, 56, 8400]), d.Shape);
        Assert.True(d.IsLinear);
        Assert.Equal("Row-major linear FP32 format (kLINEAR)", d.FormatDescription);
        Assert.Equal(4, d.BytesPerComponent);
    }

    [Fact]
    public void Wrapper_type_numbers_are_the_onnx_ones_core_uses()
    {
        Assert.Equal(TensorElementType.Float16, (TensorElementType)10);
        Assert.Equal(TensorElementType.Int8, (TensorElementType)3);
        Assert.Equal(TensorElementType.BFloat16, (TensorElementType)16);
        Assert.Equal(TensorElementType.Int64, (TensorElementType)7);
    }

    [Fact]
    public void Rank_beyond_eight_is_clamped_rather_than_read_past_the_array()
    {
        var info = new TrtIoTensorNative { Rank = 42, IoMode = TrtAbi.IoInput, DataType = 1 };

        Assert.Equal(TrtAbi.MaxDims, TrtIoTensor.FromNative(0, info).Shape.Rank);
    }
}
