using MusicEmotion.Evaluation.Datasets;
using MusicEmotion.Evaluation.Dynamics;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Evaluation.Tests.Dynamics;

public sealed class JoinPairingTests
{
    private static QuadrantClip Clip(string id, EmotionQuadrant q) => new(id, q, "val", $"/x/{id}.mp3", "", "");

    [Fact]
    public void Pairs_low_and_high_clips_both_ways_in_id_order()
    {
        QuadrantClip[] clips =
        [
            Clip("h2", EmotionQuadrant.Q2), Clip("l3", EmotionQuadrant.Q4), Clip("l1", EmotionQuadrant.Q3),
            Clip("h1", EmotionQuadrant.Q1), Clip("l2", EmotionQuadrant.Q3),
        ];

        IReadOnlyList<ClipJoin> joins = JoinPairing.Pair(clips);

        joins.Select(j => $"{j.First.Id}+{j.Second.Id}:{j.Direction}").Should().Equal(
            "l1+h1:Rising", "l2+h2:Rising", "h1+l2:Falling", "h2+l1:Falling");
    }

    [Fact]
    public void One_sided_sets_have_no_joins()
    {
        JoinPairing.Pair([Clip("a", EmotionQuadrant.Q1), Clip("b", EmotionQuadrant.Q2)]).Should().BeEmpty();
        JoinPairing.Pair([]).Should().BeEmpty();
    }
}
