using System.Buffers.Binary;
using System.Text;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Files;

public class UltralyticsEngineHeaderTests
{
    [Fact]
    public void Header_is_a_little_endian_byte_count_then_the_json()
    {
        var header = UltralyticsEngineHeader.Write("{\"task\": \"pose\"}");

        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(header));
        Assert.Equal([16, 0, 0, 0], header[..4]);
        Assert.Equal("{\"task\": \"pose\"}", Encoding.UTF8.GetString(header.AsSpan(4)));
    }

    [Fact]
    public void Written_header_reads_back_with_the_plan_offset_after_it()
    {
        byte[] file = [.. UltralyticsEngineHeader.Write(EngineFixtures.UltralyticsJson), .. EngineFixtures.PlanBytes()];

        var (json, offset) = UltralyticsEngineHeader.Read(file, "m.engine");

        Assert.Equal(EngineFixtures.UltralyticsJson, json);
        Assert.Equal(4 + Encoding.UTF8.GetByteCount(EngineFixtures.UltralyticsJson), offset);
        Assert.True(PlanSignature.Matches(file.AsSpan(offset)));
    }

    [Fact]
    public void Plain_plan_does_not_look_like_an_Ultralytics_header()
    {
        Assert.False(UltralyticsEngineHeader.LooksLikeHeader(EngineFixtures.PlanBytes()));
        Assert.True(PlanSignature.Matches(EngineFixtures.PlanBytes()));
    }

    [Fact]
    public void Negative_length_is_not_taken_for_a_header()
    {
        byte[] file = [0xFF, 0xFF, 0xFF, 0xFF, (byte)'{', (byte)'}', .. EngineFixtures.PlanBytes()];

        Assert.False(UltralyticsEngineHeader.LooksLikeHeader(file));
    }

    [Fact]
    public void Header_with_invalid_utf8_is_reported_as_bad_json()
    {
        byte[] body = [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'];
        byte[] file = [.. BitConverter.GetBytes(body.Length), .. body, .. EngineFixtures.PlanBytes()];

        var e = Assert.Throws<FormatException>(() => UltralyticsEngineHeader.Read(file, "m.engine"));

        Assert.StartsWith("m.engine: the Ultralytics metadata header is not valid JSON", e.Message, StringComparison.Ordinal);
    }
}
