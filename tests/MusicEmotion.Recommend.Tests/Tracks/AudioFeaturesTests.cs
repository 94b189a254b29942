using System.Text.Json;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;

namespace MusicEmotion.Recommend.Tests.Tracks;

public sealed class AudioFeaturesTests
{
    [Fact]
    public void Maps_the_measured_values_to_spotify_names_types_and_ranges()
    {
        TrackRecord track = With(TestTracks.Make("song", [], TestTracks.Ramp(-0.2f, 0.6f, 30), TestTracks.Flat(-0.5f, 30), duration: 29.5004),
            tempo: 128.25f, rmsMean: 0.1f, rmsStd: 0.05f, new MusicalKey(9, MusicalMode.Minor, 0.8));

        AudioFeatures features = AudioFeatures.From(track);
        using JsonDocument json = JsonDocument.Parse(features.ToJson());
        JsonElement root = json.RootElement;

        root.GetProperty("tempo").GetDouble().Should().Be(128.25);
        root.GetProperty("key").GetInt32().Should().Be(9);
        root.GetProperty("mode").GetInt32().Should().Be(0);
        root.GetProperty("energy").GetDouble().Should().BeApproximately((0.2 + 1) / 2, 1e-4);
        root.GetProperty("valence").GetDouble().Should().BeApproximately(0.25, 1e-4);
        root.GetProperty("loudness").GetDouble().Should().BeApproximately(10 * Math.Log10((0.1 * 0.1) + (0.05 * 0.05)), 1e-3);
        root.GetProperty("duration_ms").GetInt64().Should().Be(29500);
        root.GetProperty("type").GetString().Should().Be("audio_features");
        root.GetProperty("id").GetString().Should().Be(track.Id);
        foreach (string absent in AudioFeatures.UnmeasuredFields)
        {
            root.TryGetProperty(absent, out _).Should().BeFalse(absent);
        }
    }

    [Fact]
    public void An_uncertain_key_is_minus_one_without_a_mode_and_a_track_without_a_beat_has_tempo_zero()
    {
        TrackRecord track = With(TestTracks.Make("drone", [], TestTracks.Flat(0f, 10)), tempo: 0, rmsMean: 0, rmsStd: 0, new MusicalKey(0, MusicalMode.Major, 0.3));

        using JsonDocument json = JsonDocument.Parse(AudioFeatures.From(track).ToJson());

        json.RootElement.GetProperty("key").GetInt32().Should().Be(-1);
        json.RootElement.TryGetProperty("mode", out _).Should().BeFalse();
        json.RootElement.GetProperty("tempo").GetDouble().Should().Be(0);
        json.RootElement.GetProperty("loudness").GetDouble().Should().Be(AudioFeatures.MinLoudness);
        AudioFeatures.From(track, new DescriptorTempoKeySource(minKeyStrength: 0.2)).Key.Should().Be(0);
    }

    private static TrackRecord With(TrackRecord record, float tempo, float rmsMean, float rmsStd, MusicalKey key)
    {
        float[] values = record.Descriptors.ToArray();
        values[TrackDescriptors.IndexOf("tempo_bpm")] = tempo;
        values[TrackDescriptors.IndexOf("rms_mean")] = rmsMean;
        values[TrackDescriptors.IndexOf("rms_std")] = rmsStd;
        var descriptors = new TrackDescriptors(values, key);
        return record with { Descriptors = descriptors, Blocks = MusicEmotion.Recommend.Vectors.TrackVectorBlocks.From(descriptors, record.Timeline, TrackVectorOptions.DefaultArcLength) };
    }
}
