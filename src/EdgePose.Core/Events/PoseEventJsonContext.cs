using System.Text.Json.Serialization;

namespace EdgePose.Core.Events;

/// <summary>System.Text.Json source generation for reading (and, in tests, writing) <see cref="PoseEvent"/>s.</summary>
[JsonSourceGenerationOptions(RespectRequiredConstructorParameters = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(PoseEvent))]
internal sealed partial class PoseEventJsonContext : JsonSerializerContext
{
}
