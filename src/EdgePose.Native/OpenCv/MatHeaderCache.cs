using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// OpenCvSharp Mat headers (with their InputArray and OutputArray) over memory that someone else owns, kept
/// by address and geometry so that a caller handing the same buffer again and again gets the same header
/// back instead of a new one each time: a per-frame call then allocates nothing. A few entries, replaced in
/// turn. Use a header only while its memory is pinned and alive; not thread-safe.
/// </summary>
internal sealed class MatHeaderCache : IDisposable
{
    private readonly Entry?[] _entries;
    private int _next;

    public MatHeaderCache(int capacity) => _entries = new Entry?[capacity];

    /// <summary>The header of <paramref name="rows"/> x <paramref name="cols"/> BGR pixels at <paramref name="data"/>, <paramref name="step"/> bytes a row.</summary>
    public Entry Get(IntPtr data, int rows, int cols, int step)
    {
        foreach (var e in _entries)
        {
            if (e is not null && e.Data == data && e.Rows == rows && e.Cols == cols && e.Step == step)
            {
                return e;
            }
        }

        var made = new Entry(data, rows, cols, step);
        _entries[_next]?.Dispose();
        _entries[_next] = made;
        _next = (_next + 1) % _entries.Length;
        return made;
    }

    public void Dispose()
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            _entries[i]?.Dispose();
            _entries[i] = null;
        }
    }

    internal sealed class Entry : IDisposable
    {
        public Entry(IntPtr data, int rows, int cols, int step)
        {
            Data = data;
            Rows = rows;
            Cols = cols;
            Step = step;
            Mat = Mat.FromPixelData(rows, cols, MatType.CV_8UC3, data, step);
            Input = InputArray.Create(Mat);
            Output = OutputArray.Create(Mat);
        }

        public IntPtr Data { get; }

        public int Rows { get; }

        public int Cols { get; }

        public int Step { get; }

        public Mat Mat { get; }

        public InputArray Input { get; }

        public OutputArray Output { get; }

        public void Dispose()
        {
            Output.Dispose();
            Input.Dispose();
            Mat.Dispose();
        }
    }
}
