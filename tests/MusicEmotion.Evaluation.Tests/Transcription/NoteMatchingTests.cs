using System.Text.Json;
using MusicEmotion.Evaluation.Transcription;

namespace MusicEmotion.Evaluation.Tests.Transcription;

public sealed class NoteMatchingTests
{
    private static readonly NoteMatchCriteria Onset = NoteMatchCriteria.OnsetOnly;
    private static readonly NoteMatchCriteria Offset = NoteMatchCriteria.WithOffsets;

    [Fact]
    public void Precision_recall_and_F1_match_a_hand_computed_case()
    {
        ScoredNote[] reference = [new(0, 1, 60), new(1, 2, 62), new(2, 3, 64)];
        ScoredNote[] estimated =
        [
            new(0.03, 1.0, 60),  // 30 ms late: a match
            new(1.06, 2.0, 62),  // 60 ms late: no match
            new(2.0, 3.0, 65),   // wrong pitch
            new(2.5, 3.0, 64),   // 500 ms late
        ];

        NoteScores scores = NoteMatching.Score(reference, estimated, Onset);

        scores.Should().Be(new NoteScores(3, 4, 1));
        scores.Precision.Should().BeApproximately(1.0 / 4, 1e-12);
        scores.Recall.Should().BeApproximately(1.0 / 3, 1e-12);
        scores.F1.Should().BeApproximately(2.0 / 7, 1e-12, "2·(1/4)(1/3)/(1/4 + 1/3)");
    }

    [Theory]
    [InlineData(0.10, 0.15, true)]    // exactly 50 ms, although 0.15 - 0.10 is 0.04999999999999999 in doubles
    [InlineData(0.20, 0.25, true)]    // exactly 50 ms, 0.05000000000000002 in doubles
    [InlineData(1.00, 1.05004, true)] // 50.04 ms rounds to 50.0 ms (4 decimals, as mir_eval)
    [InlineData(1.00, 1.0501, false)] // 50.1 ms
    [InlineData(1.00, 0.9499, false)] // 50.1 ms early
    [InlineData(1.00, 0.95, true)]    // 50 ms early
    public void Onsets_match_within_50_ms_inclusive_after_rounding_to_4_decimals(double referenceOnset, double estimatedOnset, bool matches)
    {
        NoteScores scores = NoteMatching.Score([new(referenceOnset, referenceOnset + 0.5, 60)], [new(estimatedOnset, referenceOnset + 0.5, 60)], Onset);

        scores.Matched.Should().Be(matches ? 1 : 0);
    }

    [Theory]
    [InlineData(1.0, 1.20, true)]   // a 1 s note: offsets within 20 % = 200 ms
    [InlineData(1.0, 0.80, true)]
    [InlineData(1.0, 1.21, false)]
    [InlineData(0.1, 0.15, true)]   // a 100 ms note: 20 % is 20 ms, so the 50 ms floor applies
    [InlineData(0.1, 0.16, false)]
    [InlineData(0.1, 0.05, true)]
    public void Offsets_match_within_the_larger_of_50_ms_and_a_fifth_of_the_reference_note(double referenceEnd, double estimatedEnd, bool matches)
    {
        ScoredNote[] reference = [new(0, referenceEnd, 60)];
        ScoredNote[] estimated = [new(0.01, estimatedEnd, 60)];

        NoteMatching.Score(reference, estimated, Offset).Matched.Should().Be(matches ? 1 : 0);
        NoteMatching.Score(reference, estimated, Onset).Matched.Should().Be(1, "offsets are ignored without them");
    }

    [Fact]
    public void The_matching_is_maximal_where_a_greedy_one_is_not()
    {
        // Reference A (0.04 s, first) may take X (0.02 s, 20 ms) or Y (0.09 s, 50 ms); B (-0.02 s) only X (40 ms; Y is 110 ms
        // away). Taking A's first candidate X and keeping it leaves B unmatched: the maximum is 2, A-Y and B-X.
        ScoredNote[] reference = [new(0.04, 1, 60), new(-0.02, 1, 60)];
        ScoredNote[] estimated = [new(0.02, 1, 60), new(0.09, 1, 60)];

        NoteMatching.MaximumMatching(reference, estimated, Onset).Should().Equal((0, 1), (1, 0));
        NoteMatching.Score(reference, estimated, Onset).Matched.Should().Be(2);
    }

    [Fact]
    public void Each_note_is_matched_once()
    {
        ScoredNote[] reference = [new(1, 2, 60)];
        ScoredNote[] twice = [new(1, 2, 60), new(1.01, 2, 60)];

        NoteScores scores = NoteMatching.Score(reference, twice, Onset);

        scores.Should().Be(new NoteScores(1, 2, 1));
        scores.Precision.Should().Be(0.5);
        scores.Recall.Should().Be(1);
        NoteMatching.Score(twice, reference, Onset).Should().Be(new NoteScores(2, 1, 1));
    }

    [Fact]
    public void No_notes_on_either_side_scores_zero_as_mir_eval_does()
    {
        ScoredNote[] some = [new(1, 2, 60)];

        foreach (NoteScores scores in new[] { NoteMatching.Score([], some, Onset), NoteMatching.Score(some, [], Onset), NoteMatching.Score([], [], Onset) })
        {
            scores.Precision.Should().Be(0);
            scores.Recall.Should().Be(0);
            scores.F1.Should().Be(0);
        }
    }

    [Fact]
    public void Pooled_scores_sum_the_counts()
    {
        NoteScores pooled = NoteScores.Pool([new NoteScores(10, 20, 5), new NoteScores(30, 10, 10)]);

        pooled.Should().Be(new NoteScores(40, 30, 15));
        pooled.Precision.Should().Be(0.5);
        pooled.Recall.Should().Be(15.0 / 40);
    }

    [Fact]
    public void Summary_gives_the_mean_and_median_of_the_clips_and_the_pooled_scores()
    {
        NoteScores[] clips = [new(4, 4, 4), new(4, 4, 2), new(4, 4, 0)];

        NoteScoreSummary summary = NoteScoreSummary.Of(clips);

        summary.MeanF1.Should().BeApproximately(0.5, 1e-12);
        summary.MedianF1.Should().BeApproximately(0.5, 1e-12);
        summary.MeanPrecision.Should().BeApproximately(0.5, 1e-12);
        summary.Pooled.Should().Be(new NoteScores(12, 12, 6));
    }

    /// <summary>
    /// 60 random cases (1,980 reference notes, half of them on a 5 ms grid so that many distances sit exactly on a
    /// tolerance, with misses, re-strikes, octave errors and spurious notes) scored by mir_eval 0.7 itself
    /// (make_mir_eval_cases.py beside this file).
    /// </summary>
    [Fact]
    public void Scores_equal_mir_eval_on_random_cases()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Transcription", "mir_eval_cases.json")));
        int cases = 0;
        foreach (JsonElement c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            ScoredNote[] reference = Notes(c.GetProperty("reference"));
            ScoredNote[] estimated = Notes(c.GetProperty("estimated"));
            foreach ((string name, NoteMatchCriteria criteria) in new[] { ("onset", Onset), ("withOffset", Offset) })
            {
                JsonElement expected = c.GetProperty(name);
                NoteScores scores = NoteMatching.Score(reference, estimated, criteria);
                scores.Matched.Should().Be(expected.GetProperty("matched").GetInt32(), $"case {cases}, {name}");
                scores.Precision.Should().BeApproximately(expected.GetProperty("precision").GetDouble(), 1e-12);
                scores.Recall.Should().BeApproximately(expected.GetProperty("recall").GetDouble(), 1e-12);
                scores.F1.Should().BeApproximately(expected.GetProperty("f1").GetDouble(), 1e-12);
            }

            cases++;
        }

        cases.Should().Be(60);
    }

    private static ScoredNote[] Notes(JsonElement array) =>
        array.EnumerateArray().Select(n => new ScoredNote(n[0].GetDouble(), n[1].GetDouble(), n[2].GetInt32())).ToArray();
}
