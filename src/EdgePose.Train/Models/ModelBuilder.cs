using EdgePose.Train.Models.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Models;

/// <summary>
/// Turns a model yaml into modules, as Ultralytics' parser does: repeats × depth (rounded half to even,
/// at least 1, only when above 1), output channels min(c, max_channels) × width rounded up to a multiple
/// of 8, C2f/C3k2/C2PSA taking the repeats as their inner block count, C3k2 using C3k blocks at scales m,
/// l and x, and the YOLO11 head (depthwise class branch) when the model has C3k2 blocks.
/// </summary>
internal static class ModelBuilder
{
    public static PoseModel Build(ModelYaml spec, int nc, int[] kptShape, Func<ModelYaml, List<nn.Module>, int[][], IReadOnlyList<LayerInfo>, PoseModel> make)
    {
        if (nc < 1)
        {
            throw new InvalidDataException($"model {spec.Name}: nc must be at least 1, got {nc}");
        }

        if (kptShape.Length != 2 || kptShape[0] < 1 || kptShape[1] is not (2 or 3))
        {
            throw new InvalidDataException($"model {spec.Name}: kpt_shape must be [K, 2] or [K, 3] with K ≥ 1, got [{string.Join(", ", kptShape)}]");
        }

        if (spec.Layers.Count == 0 || spec.Layers[^1].Module != "Pose")
        {
            throw new InvalidDataException($"model {spec.Name}: the last layer must be Pose");
        }

        var scale = spec.ScaleValues;
        var yolo11Head = spec.Layers.Any(l => l.Module == nameof(C3k2));
        var channels = new List<long>();
        var strides = new List<double>();
        var layers = new List<nn.Module>();
        var froms = new List<int[]>();
        var infos = new List<LayerInfo>();
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            var l = spec.Layers[i];
            var from = l.From;
            if (from.Length == 0 || from.Any(f => f >= i || f < -1))
            {
                throw new InvalidDataException($"model {spec.Name}: layer {i} takes from {string.Join(",", from)}, which is not an earlier layer");
            }

            long Ch(int f) => f == -1 ? (i == 0 ? 3 : channels[i - 1]) : channels[f];
            double St(int f) => f == -1 ? (i == 0 ? 1 : strides[i - 1]) : strides[f];
            string Arg(int k, string fallback) => k < l.Args.Count ? l.Args[k] : fallback;
            long Int(int k, long fallback) => k < l.Args.Count ? (long)ModelYaml.Number(l.Args[k], spec.Name) : fallback;
            bool Bool(int k) => k < l.Args.Count && bool.Parse(l.Args[k]);
            long Out(long c) => c == nc ? c : (long)Math.Ceiling(Math.Min(c, scale.MaxChannels) * scale.Width / 8) * 8;

            var n = l.Repeats > 1 ? Math.Max((int)Math.Round(l.Repeats * scale.Depth, MidpointRounding.ToEven), 1) : l.Repeats;
            long c1 = Ch(from[0]);
            double stride = St(from[0]);
            long c2;
            nn.Module module;
            string args;
            try
            {
                switch (l.Module)
                {
                    case nameof(Conv):
                        c2 = Out(Int(0, 0));
                        var (k, s) = (Int(1, 1), Int(2, 1));
                        module = new Conv(c1, c2, k, s);
                        stride *= s;
                        args = $"[{c1}, {c2}, {k}, {s}]";
                        break;
                    case nameof(C2f):
                        c2 = Out(Int(0, 0));
                        module = new C2f(c1, c2, n, Bool(1));
                        args = $"[{c1}, {c2}, {n}, {Bool(1)}]";
                        break;
                    case nameof(C3k2):
                        c2 = Out(Int(0, 0));
                        var c3k = Bool(1) || spec.Scale is 'm' or 'l' or 'x';
                        var e = l.Args.Count > 2 ? ModelYaml.Number(l.Args[2], spec.Name) : 0.5;
                        module = new C3k2(c1, c2, n, c3k, e);
                        args = $"[{c1}, {c2}, {n}, {c3k}, {e}]";
                        break;
                    case nameof(SPPF):
                        c2 = Out(Int(0, 0));
                        module = new SPPF(c1, c2, Int(1, 5));
                        args = $"[{c1}, {c2}, {Int(1, 5)}]";
                        break;
                    case nameof(C2PSA):
                        c2 = Out(Int(0, 0));
                        module = new C2PSA(c1, c2, n);
                        args = $"[{c1}, {c2}, {n}]";
                        break;
                    case "nn.Upsample":
                        c2 = c1;
                        var factor = ModelYaml.Number(Arg(1, "2"), spec.Name);
                        module = nn.Upsample(scale_factor: [factor, factor], mode: UpsampleMode.Nearest);
                        stride /= factor;
                        args = $"[None, {factor}, 'nearest']";
                        break;
                    case nameof(Concat):
                        c2 = from.Sum(Ch);
                        module = new Concat(Int(0, 1));
                        args = $"[{Int(0, 1)}]";
                        break;
                    case "Pose":
                        if (i != spec.Layers.Count - 1)
                        {
                            throw new InvalidDataException($"model {spec.Name}: Pose must be the last layer, found at layer {i}");
                        }

                        var ch = from.Select(Ch).ToArray();
                        module = new PoseHead(nc, kptShape[0], kptShape[1], ch, from.Select(St).ToArray(), yolo11Head);
                        c2 = 4 + nc + (kptShape[0] * kptShape[1]);
                        args = $"[{nc}, [{kptShape[0]}, {kptShape[1]}], [{string.Join(", ", ch)}]]";
                        break;
                    default:
                        throw new InvalidDataException($"model {spec.Name}: layer {i}: unknown module '{l.Module}'");
                }
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"model {spec.Name}: layer {i} ({l.Module}): arguments [{string.Join(", ", l.Args)}] are not valid");
            }

            channels.Add(c2);
            strides.Add(stride);
            layers.Add(module);
            froms.Add(from);
            infos.Add(new LayerInfo(i, from, n, module.parameters().Sum(p => p.numel()), l.Module, args, c2, stride));
        }

        return make(spec, layers, froms.ToArray(), infos);
    }
}
