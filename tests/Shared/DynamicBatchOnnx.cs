using System.Buffers.Binary;

namespace EdgePose.Tests;

/// <summary>
/// Makes a dynamic-batch copy of a fixed-batch ONNX model at the protobuf wire level (ONNX's field numbers): the
/// first dimension of every graph input and output becomes the symbol "batch", Reshape targets that hard-code a
/// batch of 1 copy it from their input instead (0), and the exporter's value_info shapes (batch 1) are dropped so
/// ONNX Runtime infers them again. Everything else (nodes, weights, metadata) is copied byte for byte.
/// </summary>
internal static class DynamicBatchOnnx
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;

    /// <summary>Writes the dynamic-batch copy of <paramref name="model"/> to <paramref name="dir"/>; returns its path.</summary>
    public static string Save(string model, string dir)
    {
        var path = Path.Combine(dir, Path.GetFileNameWithoutExtension(model) + "_dynamic-batch.onnx");
        File.WriteAllBytes(path, Convert(File.ReadAllBytes(model)));
        return path;
    }

    public static byte[] Convert(byte[] model) =>
        Rewrite(model, (field, value, w) =>
        {
            if (field != ModelGraph)
            {
                return false;
            }

            WriteBytes(w, field, Graph(value));
            return true;
        });

    private static byte[] Graph(ReadOnlyMemory<byte> graph)
    {
        var reshapeShapes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, value) in Fields(graph))
        {
            if (field == GraphNode && NodeOp(value) is ("Reshape", { Count: >= 2 } inputs))
            {
                reshapeShapes.Add(inputs[1]);
            }
        }

        return Rewrite(graph, (field, value, w) =>
        {
            switch (field)
            {
                case GraphValueInfo:
                    return true; // dropped
                case GraphInput or GraphOutput:
                    WriteBytes(w, field, ValueInfoWithBatch(value));
                    return true;
                case GraphInitializer when reshapeShapes.Contains(TensorName(value)):
                    WriteBytes(w, field, ReshapeTargetFromInput(value));
                    return true;
                default:
                    return false;
            }
        });
    }

    /// <summary>ValueInfoProto: type (2) → tensor_type (1) → shape (2) → first dim (1) becomes dim_param "batch".</summary>
    private static byte[] ValueInfoWithBatch(ReadOnlyMemory<byte> valueInfo) =>
        Nested(valueInfo, 2, type => Nested(type, 1, tensor => Nested(tensor, 2, shape =>
        {
            var first = true;
            return Rewrite(shape, (field, _, w) =>
            {
                if (field != 1 || !first)
                {
                    return false;
                }

                first = false;
                var dim = new MemoryStream();
                WriteBytes(dim, 2, "batch"u8.ToArray()); // dim_param
                WriteBytes(w, 1, dim.ToArray());
                return true;
            });
        })));

    /// <summary>An int64 shape initializer in raw_data (9) whose first value is 1 gets 0: "copy the input's batch".</summary>
    private static byte[] ReshapeTargetFromInput(ReadOnlyMemory<byte> tensor) =>
        Rewrite(tensor, (field, value, w) =>
        {
            if (field != 9 || value.Length < 8 || BinaryPrimitives.ReadInt64LittleEndian(value.Span) != 1)
            {
                return false;
            }

            var raw = value.ToArray();
            BinaryPrimitives.WriteInt64LittleEndian(raw, 0);
            WriteBytes(w, field, raw);
            return true;
        });

    private static byte[] Nested(ReadOnlyMemory<byte> message, int wanted, Func<ReadOnlyMemory<byte>, byte[]> rewrite) =>
        Rewrite(message, (field, value, w) =>
        {
            if (field != wanted)
            {
                return false;
            }

            WriteBytes(w, field, rewrite(value));
            return true;
        });

    private static (string Op, List<string> Inputs) NodeOp(ReadOnlyMemory<byte> node)
    {
        var inputs = new List<string>();
        var op = "";
        foreach (var (field, value) in Fields(node))
        {
            if (field == 1)
            {
                inputs.Add(System.Text.Encoding.UTF8.GetString(value.Span));
            }
            else if (field == 4)
            {
                op = System.Text.Encoding.UTF8.GetString(value.Span);
            }
        }

        return (op, inputs);
    }

    private static string TensorName(ReadOnlyMemory<byte> tensor)
    {
        foreach (var (field, value) in Fields(tensor))
        {
            if (field == 8)
            {
                return System.Text.Encoding.UTF8.GetString(value.Span);
            }
        }

        return "";
    }

    /// <summary>Copies <paramref name="message"/> field by field; <paramref name="replace"/> writes its own version of a length-delimited field and returns true.</summary>
    private static byte[] Rewrite(ReadOnlyMemory<byte> message, Func<int, ReadOnlyMemory<byte>, Stream, bool> replace)
    {
        var w = new MemoryStream();
        {
            var span = message.Span;
            var i = 0;
            while (i < span.Length)
            {
                var start = i;
                var key = ReadVarint(span, ref i);
                var field = (int)(key >> 3);
                var wire = (int)(key & 7);
                ReadOnlyMemory<byte> value = default;
                switch (wire)
                {
                    case 0:
                        ReadVarint(span, ref i);
                        break;
                    case 1:
                        i += 8;
                        break;
                    case 5:
                        i += 4;
                        break;
                    case 2:
                        var length = (int)ReadVarint(span, ref i);
                        value = message.Slice(i, length);
                        i += length;
                        break;
                    default:
                        throw new FormatException($"protobuf wire type {wire} is not supported");
                }

                if (wire != 2 || !replace(field, value, w))
                {
                    w.Write(span[start..i]);
                }
            }
        }

        return w.ToArray();
    }

    private static IEnumerable<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var result = new List<(int, ReadOnlyMemory<byte>)>();
        Rewrite(message, (field, value, _) =>
        {
            result.Add((field, value));
            return false;
        });
        return result;
    }

    private static void WriteBytes(Stream w, int field, byte[] bytes)
    {
        WriteVarint(w, ((ulong)field << 3) | 2);
        WriteVarint(w, (ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteVarint(Stream w, ulong value)
    {
        while (value >= 0x80)
        {
            w.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        w.WriteByte((byte)value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> span, ref int i)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[i++];
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
    }
}
