using MusicEmotion.Evaluation.Recommendation;
using MusicEmotion.Features.Descriptors;
using MusicEmotion.Inference;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Evaluation.Tests.Recommendation;

/// <summary>
/// The candidate vector blocks of <c>mer eval recommend --candidate-blocks</c>: captured from the frames of a real
/// analysis (the timbre block's MFCCs must agree with the descriptors' own), and ranked with the held-out grid.
/// </summary>
public sealed class CandidateBlockTests
{
    private static readonly Lazy<NoteTranscriber> Transcriber = new(() => new NoteTranscriber());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Candidate_blocks_come_from_the_frames_of_the_same_analysis(bool notes)
    {
        using var folder = new TempDirectory();
        string wav = folder.Write("piece.wav", TestSignals.Wav16(SynthesizedMusic.Render(SynthesizedMusic.Piece(12), 22050, 12), 22050, 1));
        var options = new EmotionAnalyzerOptions { Describe = false, PreferNotesModel = notes };
        options.FeatureKinds.AddNoteFeatureKinds(() => Transcriber.Value);
        using EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault(options);
        var analyzer = new TrackAnalyzer(emotion);
        string id = await TrackId.ComputeAsync(wav);

        var observer = new CandidateBlockObserver();
        TrackAnalysis observed;
        int transcriptions;
        Notes.Analysis.NoteFeatures? captured;
        using (NoteFeatureCapture capture = NoteFeatureCapture.Begin())
        {
            observed = await analyzer.AnalyzeAsync(wav, null, Task.FromResult(id), observer, CancellationToken.None);
            (transcriptions, captured) = (capture.Count, capture.Features);
        }

        TrackAnalysis plain = await analyzer.AnalyzeAsync(wav);

        observed.Track.Descriptors.Values.Should().Equal(plain.Track.Descriptors.Values, "a second observer changes nothing the track's own observer sees");
        int bands = emotion.Model.Card.Features.Settings.MelBands;
        observer.Timbre.Should().HaveCount(2 * (bands + CandidateBlockObserver.MfccCount));
        observer.Timbre.Should().OnlyContain(v => float.IsFinite(v));
        observer.Timbre.Skip(bands + CandidateBlockObserver.MfccCount).Should().OnlyContain(v => v >= 0, "the second half holds spreads");
        for (int k = 1; k <= TrackDescriptors.MfccCount; k++)
        {
            float mean = observer.Timbre[bands + k - 1];
            float spread = observer.Timbre[2 * bands + CandidateBlockObserver.MfccCount + k - 1];
            mean.Should().BeApproximately(observed.Track.Descriptors[$"mfcc{k}_mean"], 1e-3f + 1e-3f * Math.Abs(mean), $"MFCC {k} is the same DCT of the same log-mel");
            spread.Should().BeApproximately(observed.Track.Descriptors[$"mfcc{k}_std"], 0.01f * Math.Max(1, spread), $"MFCC {k}'s spread");
        }

        if (notes)
        {
            observer.NoteKindsSeen.Should().Equal("notes", "harmony");
            observer.Notes.Should().HaveCount(2 * (8 + 16)).And.OnlyContain(v => float.IsFinite(v));
            observer.Notes[2].Should().BeGreaterThan(0, "notes.coverage: the piece has notes");

            // The melody block: from the very transcription the model's note kinds made (one, not a second pass), the
            // seconds' melody columns summarised as the candidate evaluation defined it.
            transcriptions.Should().Be(1, "the melody kind shares the notes/harmony transcription");
            float[] expected = CandidateBlocks.MelodyBlock(captured!);
            observed.Track.Blocks.Melody.Should().NotBeNull().And.Equal(expected);
            expected.Should().HaveCount(TrackVectorBlocks.MelodyNames.Count);
            expected[1].Should().BeGreaterThan(0, "melody.coverage: the piece has a melody line");
            plain.Track.Blocks.Melody.Should().Equal(expected, "the same analysis without a second observer");
            EmotionAnalysis unobserved = await emotion.AnalyzeAsync(wav);
            observed.Track.Timeline.Arousal.Should().Equal(unobserved.Timeline.Arousal, "the extra kind never reaches the model");
            observed.Track.Timeline.Valence.Should().Equal(unobserved.Timeline.Valence);
        }
        else
        {
            observer.NoteKindsSeen.Should().BeEmpty("the audio-only model's recipe has no note kinds");
            observer.Notes.Should().BeEmpty();
            observed.Track.Blocks.Melody.Should().BeNull("an audio-only model's tracks have no melody block");
            transcriptions.Should().Be(0, "nothing is transcribed for an audio-only model");
        }
    }

    [Fact]
    public async Task Adding_a_file_again_gives_a_row_stored_before_the_melody_block_its_block()
    {
        using var folder = new TempDirectory();
        string wav = folder.Write("piece.wav", TestSignals.Wav16(SynthesizedMusic.Render(SynthesizedMusic.Piece(12), 22050, 12), 22050, 1));
        var options = new EmotionAnalyzerOptions { Describe = false, PreferNotesModel = true };
        options.FeatureKinds.AddNoteFeatureKinds(() => Transcriber.Value);
        using EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault(options);
        var analyzer = new TrackAnalyzer(emotion);
        analyzer.GivesMelody.Should().BeTrue();
        using var catalog = Recommend.Catalog.SqliteTrackCatalog.Open(folder.File("catalog.db"));
        var importer = new TrackImporter(analyzer, catalog);
        TrackRecord fresh = (await importer.ImportAsync(wav)).Track!;
        TrackRecord old = fresh with { Blocks = new TrackVectorBlocks(fresh.Blocks.Descriptors, fresh.Blocks.EmotionStatistics, fresh.Blocks.EmotionArc) };
        await catalog.RemoveAsync(fresh.Id);
        await catalog.AddAsync(old);

        TrackImportResult again = await importer.ImportAsync(wav);
        TrackImportResult onceMore = await importer.ImportAsync(wav);

        again.Status.Should().Be(TrackImportStatus.Reanalysed);
        (await catalog.GetAsync(fresh.Id))!.Blocks.Melody.Should().Equal(fresh.Blocks.Melody);
        onceMore.Status.Should().Be(TrackImportStatus.AlreadyPresent);
    }

    [Fact]
    public void The_melody_block_names_the_columns_of_the_note_front_ends_melody_kind() =>
        TrackVectorBlocks.MelodyColumns.Should().Equal(Notes.Analysis.NoteFeatureColumns.NamesOf(Notes.Analysis.NoteFeatureColumns.MelodyKind));

    [Fact]
    public void A_block_that_encodes_the_relevant_groups_ranks_them_first_and_the_held_out_grid_chooses_it()
    {
        // 40 tracks in 4 groups of 10; each track's relevant set is the rest of its group. The descriptors are noise,
        // the timbre block's log-mel bands name the group (its MFCCs are noise), the note block is noise too.
        const int Tracks = 40, Groups = 4;
        var random = new Random(7);
        var records = new List<TrackRecord>();
        var candidates = new List<CandidateBlocks>();
        for (int t = 0; t < Tracks; t++)
        {
            int group = t % Groups;
            float[] sound = [.. Enumerable.Range(0, TrackDescriptors.Names.Count).Select(_ => (float)random.NextDouble())];
            var descriptors = new TrackDescriptors(sound, new MusicalKey(0, MusicalMode.Major, 0.7));
            float[] arousal = [.. Enumerable.Range(0, 30).Select(_ => (float)(random.NextDouble() - 0.5))];
            var timeline = new EmotionTimeline(arousal, [.. arousal.Select(a => -a)], 30);
            string id = TrackId.Compute(BitConverter.GetBytes(t));
            records.Add(new TrackRecord
            {
                Id = id, SourceName = $"t{t}", DurationSeconds = 30, ModelName = "m", ModelVersion = "1", Timeline = timeline, Descriptors = descriptors,
                Blocks = TrackVectorBlocks.From(descriptors, timeline, 8),
            });
            float[] timbre = [.. Enumerable.Range(0, 2 * (24 + CandidateBlockObserver.MfccCount)).Select(i => (i % (24 + CandidateBlockObserver.MfccCount) < 24 && i % Groups == group ? 3f : 0f) + (float)(0.1 * random.NextDouble()))];
            float[] noteValues = [.. Enumerable.Range(0, 6).Select(_ => (float)random.NextDouble())];
            candidates.Add(new CandidateBlocks(id, "m", "1", timbre, noteValues, ["notes"]) { Melody = [.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())] });
        }

        HashSet<int>[] relevant = [.. Enumerable.Range(0, Tracks).Select(q => Enumerable.Range(0, Tracks).Where(j => j != q && j % Groups == q % Groups).ToHashSet())];
        CandidateBlockEvaluation evaluation = CandidateBlockEvaluation.Create(records, candidates, relevant);

        evaluation.Dimensions.Should().Equal(TrackDescriptors.Names.Count, TrackVectorBlocks.EmotionStatisticNames.Count, 16, 2 * (24 + CandidateBlockObserver.MfccCount), 6, 2 * CandidateBlockObserver.MfccCount, 4);
        evaluation.Score([0, 0, 0, 1, 0, 0, 0], 9).PrecisionAtK.Should().Be(1, "the timbre block alone finds every group member");
        evaluation.Score([1, 0, 0, 0, 0, 0, 0], 9).PrecisionAtK.Should().BeLessThan(0.6, "noise descriptors do not");
        evaluation.Score([0, 0, 0, 1, 0, 0, 0], 9, q => q % 2 == 0).PrecisionAtK.Should().Be(1);

        GridChoice withTimbre = evaluation.Choose(["descriptors", "emotion", "arc", "timbre"], 9);
        withTimbre.ChosenOnEven[3].Should().BeGreaterThan(0.5, "the even half chooses mostly timbre");
        withTimbre.ChosenOnOdd[3].Should().BeGreaterThan(0.5);
        withTimbre.HeldOut.PrecisionAtK.Should().BeGreaterThan(0.95);
        GridChoice today = evaluation.Choose(["descriptors", "emotion", "arc"], 9);
        today.ChosenOnEven[3].Should().Be(0, "a grid without the timbre block never weighs it");
        today.HeldOut.PrecisionAtK.Should().BeLessThan(withTimbre.HeldOut.PrecisionAtK);
        evaluation.Report(9).Should().Contain(line => line.StartsWith("d e a + timbre", StringComparison.Ordinal));
        IReadOnlyList<string> splits = evaluation.RandomSplits(3, 9);
        splits.Should().Contain(line => line.StartsWith("d e a + timbre", StringComparison.Ordinal) && line.EndsWith("3 / 0 / 0", StringComparison.Ordinal),
            "on every random halving the grid with the timbre block beats today's held out");
        splits.Should().Contain(line => line.StartsWith("d e a (today)", StringComparison.Ordinal) && line.EndsWith("0 / 3 / 0", StringComparison.Ordinal));
    }
}
