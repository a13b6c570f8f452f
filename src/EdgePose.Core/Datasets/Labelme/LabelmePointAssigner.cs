namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// Which rectangle a labelme point belongs to. The rule:
/// <list type="number">
/// <item>A point with a group_id belongs to the one rectangle with the same group_id, and must lie inside it
/// (within the margin).</item>
/// <item>A point without a group_id belongs to the one rectangle that contains it (edges included, grown by
/// the margin).</item>
/// <item>No such rectangle, or more than one, is an error naming the file and the point; overlapping objects
/// need group_ids in labelme.</item>
/// </list>
/// </summary>
public static class LabelmePointAssigner
{
    /// <summary>An axis-aligned rectangle in pixels with its shape number (1-based) and group_id.</summary>
    public readonly record struct Box(int ShapeNumber, string Label, int? GroupId, double X1, double Y1, double X2, double Y2)
    {
        public bool Contains(double x, double y, double margin) =>
            x >= X1 - margin && x <= X2 + margin && y >= Y1 - margin && y <= Y2 + margin;

        public string Describe() => $"rectangle {ShapeNumber} '{Label}'";
    }

    /// <summary>The index into <paramref name="boxes"/> of the point's rectangle; throws a FormatException naming the source.</summary>
    public static int Assign(IReadOnlyList<Box> boxes, string pointDescription, double x, double y, int? groupId, double margin, string source)
    {
        if (groupId is { } g)
        {
            var grouped = Indices(boxes, b => b.GroupId == g);
            if (grouped.Count == 0)
            {
                throw new FormatException($"{source}: {pointDescription} has group_id {g} but no rectangle has it");
            }

            if (grouped.Count > 1)
            {
                throw new FormatException($"{source}: {pointDescription} has group_id {g}, shared by {Join(boxes, grouped)}; give each object its own group_id");
            }

            var box = boxes[grouped[0]];
            return box.Contains(x, y, margin)
                ? grouped[0]
                : throw new FormatException($"{source}: {pointDescription} lies outside its {box.Describe()} [{Fmt(box.X1)}, {Fmt(box.Y1)}, {Fmt(box.X2)}, {Fmt(box.Y2)}]");
        }

        var containing = Indices(boxes, b => b.Contains(x, y, margin));
        return containing.Count switch
        {
            1 => containing[0],
            0 => throw new FormatException($"{source}: {pointDescription} lies outside every rectangle"),
            _ => throw new FormatException($"{source}: {pointDescription} lies inside {Join(boxes, containing)}, so its object is ambiguous; give the point and its rectangle the same group_id"),
        };
    }

    private static List<int> Indices(IReadOnlyList<Box> boxes, Func<Box, bool> pick)
    {
        var r = new List<int>();
        for (int i = 0; i < boxes.Count; i++)
        {
            if (pick(boxes[i]))
            {
                r.Add(i);
            }
        }

        return r;
    }

    private static string Join(IReadOnlyList<Box> boxes, List<int> which) => string.Join(" and ", which.Select(i => boxes[i].Describe()));

    private static string Fmt(double v) => NumberText.Short(Math.Round(v, 2));
}
