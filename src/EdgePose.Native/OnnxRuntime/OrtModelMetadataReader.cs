using System.Runtime.InteropServices;
using EdgePose.Native.OnnxRuntime.Handles;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>Reads a model's custom metadata map (ONNX metadata_props) through ONNX Runtime's ModelMetadata API.</summary>
internal static unsafe class OrtModelMetadataReader
{
    public static Dictionary<string, string> ReadCustomMap(OrtApi api, OrtSessionHandle session, nint allocator)
    {
        nint metadata;
        api.Check(api.SessionGetModelMetadata(session.Pointer, &metadata));
        using var metadataHandle = new OrtModelMetadataHandle(api, metadata);

        byte** keys;
        long keyCount;
        api.Check(api.ModelMetadataGetCustomMetadataMapKeys(metadata, allocator, &keys, &keyCount));
        var result = new Dictionary<string, string>((int)keyCount, StringComparer.Ordinal);
        if (keys == null)
        {
            return result;
        }

        // The array and every key in it are ours to free with the same allocator.
        using var keyArray = new OrtAllocatedMemory(api, allocator, (nint)keys);
        var keyMemory = new OrtAllocatedMemory[keyCount];
        for (long i = 0; i < keyCount; i++)
        {
            keyMemory[i] = new OrtAllocatedMemory(api, allocator, (nint)keys[i]);
        }

        try
        {
            for (long i = 0; i < keyCount; i++)
            {
                byte* value;
                api.Check(api.ModelMetadataLookupCustomMetadataMap(metadata, allocator, keys[i], &value));
                using var valueMemory = new OrtAllocatedMemory(api, allocator, (nint)value);
                var key = Marshal.PtrToStringUTF8((nint)keys[i]) ?? "";
                result[key] = value == null ? "" : Marshal.PtrToStringUTF8((nint)value) ?? "";
            }
        }
        finally
        {
            foreach (var k in keyMemory)
            {
                k.Dispose();
            }
        }

        return result;
    }
}
