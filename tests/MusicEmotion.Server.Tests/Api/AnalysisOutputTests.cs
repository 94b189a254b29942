using System.Text.Json;
using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Server.Tests.Support;

namespace MusicEmotion.Server.Tests.Api;

/// <summary>What the service derives from an analysis follows its configuration and the library's one text form.</summary>
public sealed class AnalysisOutputTests
{
    [Fact]
    public async Task The_summary_follows_the_configured_summary_options_in_the_upload_and_the_read()
    {
        using var factory = new ServerFactory(new Dictionary<string, string?>
        {
            ["MusicEmotion:Analyzer:Summary:StrongestMomentCount"] = "1",
            ["MusicEmotion:Analyzer:Summary:PeakCount"] = "0",
        });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage upload = await UploadRequests.PostAsync(client, TestAudio.Wav(20, seed: 31));
        JsonElement created = await TrackJson.ReadAsync(upload);
        JsonElement read = await TrackJson.ReadAsync(await client.GetAsync($"/api/tracks/{created.GetProperty("id").GetString()}"));

        foreach (JsonElement track in new[] { created, read })
        {
            JsonElement summary = track.GetProperty("summary");
            summary.GetProperty("strongestMoments").GetArrayLength().Should().Be(1, "the service's configured SummaryOptions apply, not the defaults");
            summary.GetProperty("arousal").GetProperty("strongestMoments").GetArrayLength().Should().Be(1);
            summary.GetProperty("arousalPeaks").GetArrayLength().Should().Be(0);
        }
    }

    [Fact]
    public async Task The_timeline_csv_is_byte_for_byte_the_librarys_which_mer_analyze_prints()
    {
        using var factory = new ServerFactory();
        using HttpClient client = factory.CreateClient();
        byte[] wav = TestAudio.Wav(9, seed: 32);
        using var data = new TempDirectory();
        string path = data.Write("song.wav", wav);

        using HttpResponseMessage upload = await UploadRequests.PostAsync(client, wav);
        string id = (await TrackJson.ReadAsync(upload)).GetProperty("id").GetString()!;
        byte[] served = await client.GetByteArrayAsync($"/api/tracks/{id}/timeline.csv");
        using var transcriber = new NoteTranscriber();
        var options = new EmotionAnalyzerOptions { Describe = false };
        options.FeatureKinds.AddNoteFeatureKinds(transcriber); // the service registers the note kinds, so it runs the note-aware model
        using EmotionAnalyzer analyzer = EmotionAnalyzer.CreateDefault(options);
        EmotionAnalysis local = await analyzer.AnalyzeAsync(path);

        analyzer.Model.Card.Features.Kinds.Should().Contain("harmony");
        served.Should().Equal(System.Text.Encoding.UTF8.GetBytes(local.Timeline.ToCsv()));
    }
}
