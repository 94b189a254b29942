namespace MusicEmotion.Recommend.Journeys;

/// <summary>
/// One journey search: the songs for <c>N</c> equal stretches of a path, chosen and ordered to make the planner's cost
/// least. The cost of an order is the sum over its songs of each song's path error on its stretch (less
/// <see cref="JourneyPlannerOptions.LikedBonus"/> for a liked song) plus, at each hand-over, the hand-over jump times
/// <see cref="JourneyPlannerOptions.HandOverWeight"/> and the tempo and key costs. A beam search builds the journey song
/// by song; a local search then improves the whole of it (<see cref="Refine"/>). Deterministic: every tie is broken by
/// the track id.
/// </summary>
internal sealed class JourneySearch
{
    /// <summary>Changes smaller than this are not improvements (rounding).</summary>
    private const double Tolerance = 1e-12;

    /// <summary>Path error given to a song with no second of music on a stretch (cannot happen for eligible songs; kept finite).</summary>
    private const double NoMusicError = 2;

    private readonly JourneyCandidate[] _eligible;
    private readonly MoodPath _path;
    private readonly int _songs;
    private readonly JourneyPlannerOptions _options;
    private readonly Dictionary<(int Song, int Slot), double> _pathErrors = [];
    private readonly int[][] _pools;

    /// <param name="eligible">The songs that may be planned.</param>
    /// <param name="path">The path.</param>
    /// <param name="songs">How many songs (at most the number of eligible ones).</param>
    /// <param name="options">The weights and the search's sizes.</param>
    public JourneySearch(JourneyCandidate[] eligible, MoodPath path, int songs, JourneyPlannerOptions options)
    {
        _eligible = eligible;
        _path = path;
        _songs = songs;
        _options = options;
        _pools = new int[songs][];
        for (int slot = 0; slot < songs; slot++)
        {
            // Enough candidates that every partial journey keeps its share after removing its own songs.
            _pools[slot] = Pool(slot, Math.Min(eligible.Length, options.CandidatesPerStep + slot));
        }
    }

    /// <summary>Finds the journey: the beam search, then the local search.</summary>
    public int[] Run(CancellationToken cancellationToken)
    {
        int[] order = Beam(cancellationToken);
        Refine(order, _options.RefinementMoves, cancellationToken);
        return order;
    }

    /// <summary>
    /// The beam search: the <see cref="JourneyPlannerOptions.BeamWidth"/> cheapest partial journeys are kept at each
    /// step, and each is extended by the <see cref="JourneyPlannerOptions.CandidatesPerStep"/> best-fitting songs of the
    /// next stretch that it has not used yet.
    /// </summary>
    private int[] Beam(CancellationToken cancellationToken)
    {
        var beams = new List<Partial> { Partial.Empty };
        for (int slot = 0; slot < _songs; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = new List<Partial>(beams.Count * _options.CandidatesPerStep);
            foreach (Partial beam in beams)
            {
                HashSet<int> used = beam.Songs();
                int tried = 0;
                foreach (int song in _pools[slot])
                {
                    if (tried == _options.CandidatesPerStep)
                    {
                        break;
                    }

                    if (used.Contains(song))
                    {
                        continue;
                    }

                    tried++;
                    double cost = SongCost(song, slot) + (beam.Song is { } previous ? HandOverCost(previous, song) : 0);
                    next.Add(new Partial(beam, song, beam.Cost + cost));
                }
            }

            beams = next.OrderBy(b => b.Cost).ThenBy(b => _eligible[b.Song!.Value].Id, StringComparer.Ordinal).Take(_options.BeamWidth).ToList();
        }

        return beams[0].Order();
    }

    /// <summary>
    /// The local search: while it lowers the cost, makes the best of these changes to the whole journey — swap two of its
    /// songs, or replace one by an unused candidate of its stretch — at most <paramref name="maxMoves"/> times.
    /// Returns the number of changes made.
    /// </summary>
    private int Refine(int[] order, int maxMoves, CancellationToken cancellationToken)
    {
        var used = new HashSet<int>(order);
        int moves = 0;
        while (moves < maxMoves)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double best = -Tolerance;
            (int A, int B, int Song) move = (-1, -1, -1);
            for (int a = 0; a < order.Length; a++)
            {
                // Replace the song at a by an unused candidate of its stretch.
                double before = LocalCost(order, a, a);
                int current = order[a];
                foreach (int song in _pools[a])
                {
                    if (used.Contains(song))
                    {
                        continue;
                    }

                    order[a] = song;
                    double delta = LocalCost(order, a, a) - before;
                    if (delta < best)
                    {
                        best = delta;
                        move = (a, -1, song);
                    }
                }

                order[a] = current;

                // Swap the songs at a and b.
                for (int b = a + 1; b < order.Length; b++)
                {
                    double swapBefore = LocalCost(order, a, b);
                    (order[a], order[b]) = (order[b], order[a]);
                    double delta = LocalCost(order, a, b) - swapBefore;
                    (order[a], order[b]) = (order[b], order[a]);
                    if (delta < best)
                    {
                        best = delta;
                        move = (a, b, -1);
                    }
                }
            }

            if (move.A < 0)
            {
                break;
            }

            if (move.B >= 0)
            {
                (order[move.A], order[move.B]) = (order[move.B], order[move.A]);
            }
            else
            {
                used.Remove(order[move.A]);
                used.Add(move.Song);
                order[move.A] = move.Song;
            }

            moves++;
        }

        return moves;
    }

    /// <summary>The part of the cost that changes when the songs at <paramref name="a"/> and <paramref name="b"/> change: their own costs and the hand-overs into and out of them.</summary>
    private double LocalCost(int[] order, int a, int b)
    {
        double cost = SongCost(order[a], a) + (a != b ? SongCost(order[b], b) : 0);
        // Hand-over k is from the song at k - 1 to the song at k: those touching a (k = a, a + 1), then those touching b
        // that are not counted yet (b >= a).
        for (int k = a; k <= a + 1; k++)
        {
            cost += HandOverAt(order, k);
        }

        for (int k = Math.Max(b, a + 2); k <= b + 1; k++)
        {
            cost += HandOverAt(order, k);
        }

        return cost;
    }

    /// <summary>The cost of hand-over <paramref name="k"/> (into the song at k); 0 where there is none.</summary>
    private double HandOverAt(int[] order, int k) => k >= 1 && k < order.Length ? HandOverCost(order[k - 1], order[k]) : 0;

    /// <summary>A song's own cost on a stretch: its path error, less the liked bonus.</summary>
    private double SongCost(int song, int slot) => PathError(song, slot) - (_eligible[song].Liked ? _options.LikedBonus : 0);

    /// <summary>The cost of handing over from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private double HandOverCost(int from, int to)
    {
        JourneyCandidate a = _eligible[from], b = _eligible[to];
        return (_options.HandOverWeight * a.Tail.DistanceTo(b.Head))
            + (_options.TempoWeight * HandOverCosts.Tempo(a.TempoKey, b.TempoKey))
            + (_options.KeyWeight * HandOverCosts.Key(a.TempoKey, b.TempoKey));
    }

    /// <summary>The path error of a song on a stretch, worked out once.</summary>
    private double PathError(int song, int slot)
    {
        if (!_pathErrors.TryGetValue((song, slot), out double error))
        {
            error = JourneyMeasures.PathError(_eligible[song].Timeline, _path, (double)slot / _songs, (double)(slot + 1) / _songs);
            error = double.IsNaN(error) ? NoMusicError : error;
            _pathErrors[(song, slot)] = error;
        }

        return error;
    }

    /// <summary>
    /// The <paramref name="size"/> songs of least own cost on a stretch (path error less the liked bonus; ties by id). A
    /// song's path error is at least the distance from its mean to the mean of its stretch (the distance of means is at
    /// most the mean of distances), to within a margin (the stretch's mean is sampled, and a song's seconds of music need
    /// not spread evenly over it), so songs are scored in order of that distance and the scoring stops once it, less the
    /// margin and the liked bonus, exceeds the worst cost kept.
    /// </summary>
    private int[] Pool(int slot, int size)
    {
        MoodPoint centre = _path.MeanOf((double)slot / _songs, (double)(slot + 1) / _songs);
        int[] byMean = Enumerable.Range(0, _eligible.Length)
            .OrderBy(i => _eligible[i].Mean.DistanceTo(centre))
            .ThenBy(i => _eligible[i].Id, StringComparer.Ordinal)
            .ToArray();
        const double Margin = 0.02;
        var scored = new List<(int Song, double Cost)>();
        var kept = new PriorityQueue<int, double>(Comparer<double>.Create((x, y) => y.CompareTo(x))); // the worst kept cost on top
        foreach (int song in byMean)
        {
            // The least cost this song or any after it (farther by mean) can have, a liked one included.
            double bound = _eligible[song].Mean.DistanceTo(centre) - Margin - _options.LikedBonus;
            if (kept.Count == size && kept.TryPeek(out _, out double worstKept) && bound > worstKept)
            {
                break;
            }

            double cost = SongCost(song, slot);
            scored.Add((song, cost));
            kept.Enqueue(song, cost);
            if (kept.Count > size)
            {
                kept.Dequeue();
            }
        }

        return scored.OrderBy(s => s.Cost).ThenBy(s => _eligible[s.Song].Id, StringComparer.Ordinal).Take(size).Select(s => s.Song).ToArray();
    }

    /// <summary>A partial journey: its last song, the journey before it, and its cost so far.</summary>
    private sealed class Partial(Partial? previous, int? song, double cost)
    {
        public static Partial Empty { get; } = new(null, null, 0);

        public Partial? Previous { get; } = previous;

        public int? Song { get; } = song;

        public double Cost { get; } = cost;

        public HashSet<int> Songs()
        {
            var songs = new HashSet<int>();
            for (Partial? p = this; p?.Song is { } s; p = p.Previous)
            {
                songs.Add(s);
            }

            return songs;
        }

        public int[] Order()
        {
            var order = new List<int>();
            for (Partial? p = this; p?.Song is { } s; p = p.Previous)
            {
                order.Add(s);
            }

            order.Reverse();
            return order.ToArray();
        }
    }
}
