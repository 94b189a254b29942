using MusicEmotion.Inference;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;

namespace MusicEmotion.Recommend.Tests.Recommending;

public sealed class ArcShapeTests
{
    private static EmotionTimeline Of(float[] arousal) => new(arousal, arousal, arousal.Length);

    [Fact]
    public void Thirds_of_the_arousal_curve_decide_the_shape()
    {
        ArcShapes.Of(Of(TestTracks.Ramp(-0.5f, 0.5f))).Should().Be(ArcShape.Build);
        ArcShapes.Of(Of(TestTracks.Ramp(0.5f, -0.5f))).Should().Be(ArcShape.Fade);
        ArcShapes.Of(Of([.. TestTracks.Flat(-0.3f, 20), .. TestTracks.Flat(0.4f, 20), .. TestTracks.Flat(-0.2f, 20)])).Should().Be(ArcShape.Peak);
        ArcShapes.Of(Of([.. TestTracks.Flat(0.3f, 20), .. TestTracks.Flat(-0.4f, 20), .. TestTracks.Flat(0.2f, 20)])).Should().Be(ArcShape.Dip);
        ArcShapes.Of(Of(TestTracks.Ramp(0.1f, 0.15f))).Should().Be(ArcShape.Steady);
        ArcShapes.Of(Of([0.9f, -0.9f])).Should().Be(ArcShape.Steady, "two seconds have no thirds");
        ArcShapes.Describe(ArcShape.Build).Should().Be("calm-to-intense build");
    }
}
