namespace MusicEmotion.Recommend.Search;

/// <summary>
/// Keeps the k best matches seen so far in a caller-provided span, best first (insertion into a sorted run: k is small
/// and, after the first few thousand candidates, almost no candidate enters). No allocation.
/// </summary>
internal ref struct TopMatches
{
    private readonly Span<VectorMatch> _results;
    private int _count;

    public TopMatches(Span<VectorMatch> results)
    {
        _results = results;
        _count = 0;
        Threshold = float.NegativeInfinity;
    }

    /// <summary>The score a candidate must beat to enter (−∞ until the span is full).</summary>
    public float Threshold { get; private set; }

    public readonly int Count => _count;

    /// <summary>Whether a candidate with this score would enter.</summary>
    public readonly bool Admits(float score) => _count < _results.Length || score > Threshold;

    public void Add(long key, float score)
    {
        int position = _count < _results.Length ? _count : _results.Length - 1;
        if (_count == _results.Length && score <= _results[position].Score)
        {
            return;
        }

        while (position > 0 && _results[position - 1].Score < score)
        {
            _results[position] = _results[position - 1];
            position--;
        }

        _results[position] = new VectorMatch(key, score);
        if (_count < _results.Length)
        {
            _count++;
        }

        if (_count == _results.Length)
        {
            Threshold = _results[_count - 1].Score;
        }
    }
}
