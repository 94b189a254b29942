using MusicEmotion.Evaluation.Datasets;

namespace MusicEmotion.Evaluation.Tests;

public sealed class DynamicAnnotationsTests : IDisposable
{
    private const string DeamFolder = "annotations/annotations averaged per song/dynamic (per second annotations)";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private void EmoMusic(string arousal, string? valence)
    {
        _folder.WriteText("annotations/arousal_cont_average.csv", arousal);
        if (valence is not null)
        {
            _folder.WriteText("annotations/valence_cont_average.csv", valence);
        }
    }

    [Fact]
    public void EmoMusic_layout_merges_arousal_and_valence_per_time()
    {
        EmoMusic(
            "song_id,sample_15000ms,sample_15500ms,sample_16000ms\n10,0.1,0.2,0.3\n2,-0.1,,-0.3\n3,0.5,0.5,0.5\n",
            "song_id,sample_15000ms,sample_15500ms,sample_16000ms\n2,0.4,0.45,\n10,-0.2,-0.25,-0.3\n7,0.9,,\n");
        _folder.Write("audio/2.mp3", [1]);
        _folder.Write("audio/10.mp3", [1]);

        DynamicAnnotations.DetectLayout(_folder.Path).Should().Be(DynamicDatasetLayout.EmoMusic);
        IReadOnlyList<DynamicClip> clips = DynamicAnnotations.Load(_folder.Path);

        clips.Select(c => c.Id).Should().Equal("2", "3", "7", "10"); // numeric order, not "10" < "2"
        DynamicClip two = clips[0];
        two.AudioPath.Should().Be(Path.Combine(_folder.Path, "audio", "2.mp3"));
        two.Annotations.Should().Equal(
            new EmotionAnnotation(15.0, -0.1, 0.4),
            new EmotionAnnotation(15.5, null, 0.45),  // empty arousal cell skipped
            new EmotionAnnotation(16.0, -0.3, null)); // empty valence cell skipped
        clips[1].AudioPath.Should().BeNull();
        clips[1].Annotations.Should().OnlyContain(a => a.Arousal == 0.5 && a.Valence == null);
        clips[2].Annotations.Should().Equal(new EmotionAnnotation(15.0, null, 0.9));
        clips[3].Annotations.Select(a => (a.Arousal, a.Valence)).Should().Equal((0.1, -0.2), (0.2, -0.25), (0.3, -0.3));

        DynamicAnnotations.Load(_folder.Path, withAudioOnly: true).Select(c => c.Id).Should().Equal("2", "10");
    }

    [Fact]
    public void EmoMusic_clips_csv_points_to_the_audio()
    {
        EmoMusic("song_id,sample_0ms,sample_500ms\n4,0.1,0.2\n5,0.3,0.4\n", null);
        _folder.WriteText("clips.csv", "song_id,audio\n4,clips/four.wav\n");
        _folder.Write("clips/four.wav", [1]);

        IReadOnlyList<DynamicClip> clips = DynamicAnnotations.Load(_folder.Path);

        clips[0].AudioPath.Should().Be(Path.Combine(_folder.Path, "clips", "four.wav"));
        clips[0].Annotations.Should().Equal(new EmotionAnnotation(0.0, 0.1, null), new EmotionAnnotation(0.5, 0.2, null));
        clips[1].AudioPath.Should().BeNull("5 is not in clips.csv and audio/5.mp3 does not exist");
    }

    [Fact]
    public void EmoMusic_clips_csv_must_stay_inside_the_folder()
    {
        EmoMusic("song_id,sample_0ms\n4,0.1\n", null);
        _folder.WriteText("clips.csv", "song_id,audio\n4,../../etc/passwd\n");

        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*clips.csv line 2: audio reference '../../etc/passwd'*");
    }

    [Fact]
    public void Deam_layout_with_rows_ending_in_empty_cells()
    {
        _folder.WriteText($"{DeamFolder}/arousal.csv",
            "song_id,sample_15000ms,sample_15500ms,sample_16000ms,sample_16500ms\n2,-0.11,-0.12,,\n3,0.2,0.21,0.22,0.23\n");
        _folder.WriteText($"{DeamFolder}/valence.csv",
            "song_id,sample_15000ms,sample_15500ms,sample_16000ms,sample_16500ms\n2,0.31,0.32,,\n3,-0.2,-0.21,-0.22,-0.23\n");
        _folder.Write("MEMD_audio/3.mp3", [1]);

        DynamicAnnotations.DetectLayout(_folder.Path).Should().Be(DynamicDatasetLayout.Deam);
        IReadOnlyList<DynamicClip> clips = DynamicAnnotations.Load(_folder.Path);

        clips.Should().HaveCount(2);
        clips[0].Annotations.Should().Equal(new EmotionAnnotation(15.0, -0.11, 0.31), new EmotionAnnotation(15.5, -0.12, 0.32));
        clips[0].AudioPath.Should().BeNull();
        clips[1].Annotations.Should().HaveCount(4);
        clips[1].Annotations[^1].Should().Be(new EmotionAnnotation(16.5, 0.23, -0.23));
        clips[1].AudioPath.Should().Be(Path.Combine(_folder.Path, "MEMD_audio", "3.mp3"));
        DynamicAnnotations.Load(_folder.Path, withAudioOnly: true).Should().ContainSingle().Which.Id.Should().Be("3");
    }

    [Fact]
    public void Pmemo_layout_maps_zero_one_to_minus_one_one()
    {
        _folder.WriteText("annotations/dynamic_annotations.csv",
            "musicId,frameTime,Arousal(mean),Valence(mean)\n1,15.5,0.75,0.25\n1,15.0,0.5,1.0\n12,15.0,0,\n4,15.0,0.1,0.9\n");
        _folder.Write("chorus/1.mp3", [1]);

        DynamicAnnotations.DetectLayout(_folder.Path).Should().Be(DynamicDatasetLayout.Pmemo);
        IReadOnlyList<DynamicClip> clips = DynamicAnnotations.Load(_folder.Path);

        clips.Select(c => c.Id).Should().Equal("1", "4", "12");
        clips[0].Annotations.Should().Equal(new EmotionAnnotation(15.0, 0.0, 1.0), new EmotionAnnotation(15.5, 0.5, -0.5)); // sorted by time
        clips[0].AudioPath.Should().Be(Path.Combine(_folder.Path, "chorus", "1.mp3"));
        clips[1].Annotations.Single().Arousal!.Value.Should().BeApproximately(-0.8, 1e-12);
        clips[1].Annotations.Single().Valence!.Value.Should().BeApproximately(0.8, 1e-12);
        clips[2].Annotations.Should().Equal(new EmotionAnnotation(15.0, -1.0, null));
        DynamicAnnotations.Load(_folder.Path, withAudioOnly: true).Select(c => c.Id).Should().Equal("1");
    }

    [Fact]
    public void Pmemo_errors_name_the_line()
    {
        _folder.WriteText("annotations/dynamic_annotations.csv", "musicId,frameTime,Arousal(mean),Valence(mean)\n1,15.0,0.5,0.5\n1,15.5,high,0.5\n");
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*dynamic_annotations.csv: line 3: 'high' is not a number");

        _folder.WriteText("annotations/dynamic_annotations.csv", "musicId,frameTime,Arousal(mean),Valence(mean)\n1,,0.5,0.5\n");
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*line 2: empty frameTime");

        _folder.WriteText("annotations/dynamic_annotations.csv", "musicId,frameTime,Arousal,Valence(mean)\n1,15,0.5,0.5\n");
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*missing column 'Arousal(mean)'*");
    }

    [Fact]
    public void Non_numeric_cell_is_an_error_with_line_and_column()
    {
        EmoMusic("song_id,sample_15000ms,sample_15500ms\n2,0.1,0.2\n3,0.1,abc\n", null);
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*arousal_cont_average.csv: line 3: 'abc' in column sample_15500ms is not a number");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Non_finite_cell_is_an_error(string cell)
    {
        EmoMusic($"song_id,sample_15000ms\n2,{cell}\n", null);
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage($"*line 2: '{cell}'*");
    }

    [Fact]
    public void Duplicate_song_in_a_wide_file_is_an_error()
    {
        EmoMusic("song_id,sample_15000ms\n2,0.1\n2,0.2\n", null);
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*line 3: song '2' is listed twice");
    }

    [Theory]
    [InlineData("time,sample_15000ms")]
    [InlineData("song_id")]
    public void Wide_file_header_must_start_with_an_id_column_and_samples(string header)
    {
        EmoMusic(header + "\n", null);
        FluentActions.Invoking(() => DynamicAnnotations.Load(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*expected a header 'song_id,sample_<ms>ms,...'");
    }

    [Theory]
    [InlineData("sample_15000ms", 15.0)]
    [InlineData("sample_0ms", 0.0)]
    [InlineData(" SAMPLE_2500MS ", 2.5)]
    [InlineData("sample_45250.5ms", 45.2505)]
    public void Sample_columns_parse_to_seconds(string column, double seconds)
    {
        DynamicAnnotations.ParseSampleColumn(column, "f.csv").Should().BeApproximately(seconds, 1e-12);
    }

    [Theory]
    [InlineData("sample_ms")]
    [InlineData("sample_-5ms")]
    [InlineData("15000ms")]
    [InlineData("sample_15000")]
    [InlineData("sample_abcms")]
    public void Bad_sample_columns_are_errors(string column)
    {
        FluentActions.Invoking(() => DynamicAnnotations.ParseSampleColumn(column, "f.csv")).Should().Throw<DatasetFormatException>()
            .WithMessage($"f.csv: column '{column}' is not of the form sample_<milliseconds>ms");
    }

    [Fact]
    public void Unknown_folder_layout_is_an_error_listing_the_known_ones()
    {
        _folder.WriteText("annotations/static.csv", "id,a\n1,2\n");
        FluentActions.Invoking(() => DynamicAnnotations.DetectLayout(_folder.Path)).Should().Throw<DatasetFormatException>()
            .WithMessage("*not a dynamic-annotation dataset*arousal_cont_average.csv*arousal.csv*dynamic_annotations.csv*");
        FluentActions.Invoking(() => DynamicAnnotations.Load(Path.Combine(_folder.Path, "missing"))).Should().Throw<DatasetFormatException>()
            .WithMessage("*dataset folder not found");
    }
}
