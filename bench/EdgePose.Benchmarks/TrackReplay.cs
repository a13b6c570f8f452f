using System.Text.Json;
using EdgePose.Core.Poses;
using EdgePose.Core.Tracking;

namespace EdgePose.Benchmarks;

/// <summary>
/// Replays the detections of an `edgepose predict` JSON Lines file (one line per video frame, boxes x1, y1,
/// x2, y2 and scores) through <see cref="ByteTracker"/>, for the parity check with Ultralytics'
/// BYTETracker (scripts/track-parity.py). Ids files hold one JSON array per frame: each detection's track
/// id, -1 for none. Also linked into EdgePose.Core.Tests.
/// </summary>
public static class TrackReplay
{
    /// <summary>Each frame's detections as (boxes x1,y1,x2,y2 flat, scores).</summary>
    public static List<(float[] Boxes, float[] Scores)> ReadDetections(string jsonlPath)
    {
        var frames = new List<(float[], float[])>();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var dets = doc.RootElement.GetProperty("detections");
            int n = dets.GetArrayLength();
            var boxes = new float[n * 4];
            var scores = new float[n];
            int i = 0;
            foreach (var d in dets.EnumerateArray())
            {
                scores[i] = d.GetProperty("score").GetSingle();
                int k = 0;
                foreach (var v in d.GetProperty("box_xyxy").EnumerateArray())
                {
                    boxes[(i * 4) + k++] = v.GetSingle();
                }

                i++;
            }

            frames.Add((boxes, scores));
        }

        return frames;
    }

    /// <summary>Track ids per frame and detection from our tracker (Ultralytics' track mode uses frame_rate 30).</summary>
    public static List<int[]> Run(IReadOnlyList<(float[] Boxes, float[] Scores)> frames, TrackerOptions options, double frameRate = 30)
    {
        int most = frames.Count == 0 ? 0 : frames.Max(f => f.Scores.Length);
        var tracker = new ByteTracker(options, frameRate);
        var dets = new PoseDetections(Math.Max(most, 1), 0);
        var ids = new List<int[]>(frames.Count);
        foreach (var (boxes, scores) in frames)
        {
            dets.Clear();
            for (int i = 0; i < scores.Length; i++)
            {
                dets.Add(boxes[i * 4], boxes[(i * 4) + 1], boxes[(i * 4) + 2], boxes[(i * 4) + 3], scores[i], 0, -1);
            }

            tracker.Update(dets);
            ids.Add(tracker.TrackIds.ToArray());
        }

        return ids;
    }

    public static void WriteIds(IReadOnlyList<int[]> ids, string path)
    {
        using var w = new StreamWriter(path);
        foreach (var f in ids)
        {
            w.WriteLine(JsonSerializer.Serialize(f));
        }
    }

    public static List<int[]> ReadIds(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<int[]>(l)!).ToList();

    /// <summary>
    /// Track-frames (a detection labelled by either side) whose ids agree under the best one-to-one renaming of
    /// <paramref name="theirs"/>' ids to ours (pairs taken by how often they co-occur, most first).
    /// </summary>
    public static (int Agree, int Total) Agreement(IReadOnlyList<int[]> ours, IReadOnlyList<int[]> theirs)
    {
        if (ours.Count != theirs.Count)
        {
            throw new ArgumentException($"{ours.Count} frames against {theirs.Count}");
        }

        var pairs = new Dictionary<(int Theirs, int Ours), int>();
        int total = 0;
        for (int f = 0; f < ours.Count; f++)
        {
            if (ours[f].Length != theirs[f].Length)
            {
                throw new ArgumentException($"frame {f}: {ours[f].Length} detections against {theirs[f].Length}");
            }

            for (int i = 0; i < ours[f].Length; i++)
            {
                int o = ours[f][i];
                int t = theirs[f][i];
                if (o < 0 && t < 0)
                {
                    continue;
                }

                total++;
                if (o >= 0 && t >= 0)
                {
                    pairs[(t, o)] = pairs.GetValueOrDefault((t, o)) + 1;
                }
            }
        }

        var usedTheirs = new HashSet<int>();
        var usedOurs = new HashSet<int>();
        int agree = 0;
        foreach (var ((t, o), count) in pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Theirs).ThenBy(p => p.Key.Ours))
        {
            if (usedTheirs.Add(t) && usedOurs.Add(o))
            {
                agree += count;
            }
            else
            {
                usedTheirs.Add(t);
            }
        }

        return (agree, total);
    }

    /// <summary>--track-replay DETECTIONS.jsonl IDS.jsonl: writes our ids for the detections.</summary>
    public static int RunCommand(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: --track-replay DETECTIONS.jsonl IDS.jsonl");
            return 2;
        }

        if (!File.Exists(args[0]))
        {
            Console.Error.WriteLine($"error: detections file not found: {args[0]}");
            return 2;
        }

        var frames = ReadDetections(args[0]);
        var ids = Run(frames, new TrackerOptions());
        WriteIds(ids, args[1]);
        Console.WriteLine($"{frames.Count} frames, {ids.Sum(f => f.Count(id => id >= 0))} tracked detections -> {args[1]}");
        return 0;
    }
}
