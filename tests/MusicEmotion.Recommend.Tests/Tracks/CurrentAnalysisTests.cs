using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Tests.Tracks;

/// <summary>The one rule for keeping a stored row rather than analysing its file again.</summary>
public sealed class CurrentAnalysisTests
{
    [Fact]
    public void A_row_is_current_when_the_same_model_made_it_with_the_melody_block_the_model_gives()
    {
        TrackRecord withBlock = TestTracks.Make("with", TestTracks.Sound(1), TestTracks.Ramp(0, 0.3f), melody: TestTracks.Melody(1));
        TrackRecord withoutBlock = TestTracks.Make("without", TestTracks.Sound(2), TestTracks.Ramp(0, 0.3f));
        var noteAware = new CurrentAnalysis(TestTracks.Model, TestTracks.Version, GivesMelody: true);
        var audioOnly = noteAware with { GivesMelody = false };

        noteAware.IsCurrent(withBlock).Should().BeTrue();
        noteAware.IsCurrent(withoutBlock).Should().BeFalse("stored before the block existed: analysed again");
        audioOnly.IsCurrent(withoutBlock).Should().BeTrue("a model without the block makes rows without it");
        audioOnly.IsCurrent(withBlock).Should().BeTrue();
        noteAware.IsCurrent(withBlock with { ModelVersion = "0.9.0" }).Should().BeFalse("another version");
        audioOnly.IsCurrent(withoutBlock with { ModelName = "other" }).Should().BeFalse("another model");
    }
}
