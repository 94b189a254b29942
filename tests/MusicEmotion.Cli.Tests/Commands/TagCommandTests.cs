using System.Diagnostics;
using MusicEmotion.Cli.Tagging;
using MusicEmotion.Inference;
using MusicEmotion.Recommend.Tracks;
using TagLib;

namespace MusicEmotion.Cli.Tests.Commands;

public sealed class TagCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string[] Model => AnalyzeFixtures.ModelArgs(_dir);

    private string Songs() => Directory.CreateDirectory(_dir.File("songs")).FullName;

    [Fact]
    public async Task Writes_mood_tags_into_mp3_flac_vorbis_opus_and_m4a_that_taglib_and_ffprobe_read_back_with_the_audio_unchanged()
    {
        string songs = Songs();
        string[] files = TaggedFiles.Make(songs);
        Dictionary<string, byte[]> original = files.ToDictionary(f => f, System.IO.File.ReadAllBytes);
        Dictionary<string, byte[]> decoded = files.ToDictionary(f => f, TaggedFiles.Decoded);

        var (dryCode, dryOutput, dryError) = await CliRunner.RunAsync(["tag", songs, .. Model]);
        dryCode.Should().Be(0, dryError);
        dryOutput.Should().Contain("would write MOOD=").And.Contain("nothing was written");
        files.Should().OnlyContain(f => System.IO.File.ReadAllBytes(f).SequenceEqual(original[f]), "a dry run writes nothing");

        var (code, output, error) = await CliRunner.RunAsync(["tag", songs, "--write", "--backup", "--jobs", "2", .. Model]);

        code.Should().Be(0, error);
        output.Should().Contain("tagged 5, already tagged 0, refused 0");
        foreach (string file in files)
        {
            TaggedFiles.Decoded(file).Should().Equal(decoded[file], $"{file}: tagging leaves the audio as it was");
            System.IO.File.ReadAllBytes(file + ".bak").Should().Equal(original[file], "--backup keeps the original beside it");
            using TagLib.File tagged = TagFields.Open(file, Path.GetExtension(file));
            foreach (string field in new[] { "MOOD", TagFields.Arousal, TagFields.Valence, TagFields.Energy, TagFields.Model })
            {
                TagFields.Read(tagged, field).Should().NotBeNullOrEmpty($"{file}: {field}");
            }

            TagFields.Read(tagged, "MOOD").Should().BeOneOf("Happy", "Tense", "Sad", "Calm");
            double.Parse(TagFields.Read(tagged, TagFields.Arousal)!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(-1, 1);
            TagFields.Read(tagged, TagFields.Model).Should().StartWith("mean-test ");
            if (Path.GetExtension(file) == ".mp3")
            {
                ((TagLib.Id3v2.Tag)tagged.GetTag(TagTypes.Id3v2)).Version.Should().Be(4, "ID3v2.4");
            }

            // ffprobe, another reader, sees the same fields (ID3's standard mood frame under its frame name).
            Dictionary<string, string> probed = TaggedFiles.Probe(file);
            probed[file.EndsWith(".mp3", StringComparison.Ordinal) ? "TMOO" : "MOOD"].Should().Be(TagFields.Read(tagged, "MOOD"), file);
            probed[TagFields.Arousal].Should().Be(TagFields.Read(tagged, TagFields.Arousal), file);
            probed[TagFields.Valence].Should().Be(TagFields.Read(tagged, TagFields.Valence), file);
            probed[TagFields.Energy].Should().Be(TagFields.Read(tagged, TagFields.Energy), file);
            probed[TagFields.Model].Should().Be(TagFields.Read(tagged, TagFields.Model), file);
        }

        Directory.GetFiles(songs, "*.mer-tag", SearchOption.AllDirectories).Should().BeEmpty();
        Dictionary<string, byte[]> tagged1 = files.ToDictionary(f => f, System.IO.File.ReadAllBytes);
        var (again, againOutput, againError) = await CliRunner.RunAsync(["tag", songs, "--write", .. Model]);
        again.Should().Be(0, againError);
        againOutput.Should().Contain("tagged 0, already tagged 5, refused 0");
        files.Should().OnlyContain(f => System.IO.File.ReadAllBytes(f).SequenceEqual(tagged1[f]), "files already tagged by the same model are skipped");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Read_only_and_cut_off_files_are_refused_and_left_untouched()
    {
        string songs = Songs();
        string[] files = TaggedFiles.Make(songs, seconds: 12);
        string readOnly = files.Single(f => f.EndsWith(".ogg", StringComparison.Ordinal));
        System.IO.File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        foreach (string cut in files.Where(f => f.EndsWith(".mp3", StringComparison.Ordinal) || f.EndsWith(".flac", StringComparison.Ordinal)))
        {
            byte[] bytes = System.IO.File.ReadAllBytes(cut);
            System.IO.File.WriteAllBytes(cut, bytes[..(bytes.Length * 4 / 10)]);
        }

        Dictionary<string, byte[]> before = files.ToDictionary(f => f, System.IO.File.ReadAllBytes);

        var (code, output, error) = await CliRunner.RunAsync(["tag", songs, "--write", .. Model]);

        code.Should().Be(2, error);
        error.Should().Contain($"mer: refused: {readOnly}: the file is read-only");
        error.Should().Contain($"mer: refused: {Path.Combine(songs, "song.mp3")}: it declares").And.Contain("the file is cut off");
        error.Should().Contain($"mer: refused: {Path.Combine(songs, "song.flac")}: it declares");
        output.Should().Contain("tagged 2, already tagged 0, refused 3");
        foreach (string refused in new[] { readOnly, Path.Combine(songs, "song.mp3"), Path.Combine(songs, "song.flac") })
        {
            System.IO.File.ReadAllBytes(refused).Should().Equal(before[refused], $"{refused} is left untouched");
        }

        System.IO.File.GetUnixFileMode(readOnly).Should().Be(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Directory.GetFiles(songs).Should().HaveCount(5, "no temporary or backup file is left");
    }

    [Fact]
    public async Task A_file_replaced_while_it_is_tagged_is_refused_and_the_replacement_kept()
    {
        string songs = Songs();
        string[] made = TaggedFiles.Make(songs);
        string file = made.Single(f => f.EndsWith(".flac", StringComparison.Ordinal));
        string other = TaggedFiles.Make(Directory.CreateDirectory(_dir.File("other")).FullName, seconds: 6, name: "other").Single(f => f.EndsWith(".flac", StringComparison.Ordinal));
        byte[] replacement = System.IO.File.ReadAllBytes(other);
        using EmotionAnalyzer emotion = EmotionAnalyzer.CreateDefault(new EmotionAnalyzerOptions { ModelPath = MeanModelFiles.OnnxPath, ModelCardPath = MeanModelFiles.WriteCard(_dir.Path, mapping: "tanh"), Describe = false });
        var writer = new SafeTagWriter(new TrackAnalyzer(emotion), write: true, backup: false)
        {
            BeforeReplace = path => System.IO.File.WriteAllBytesAsync(path, replacement), // another program rewrites it meanwhile
        };

        TagOutcome outcome = await writer.TagAsync(0, file, CancellationToken.None);

        outcome.Kind.Should().Be(TagOutcomeKind.Refused);
        outcome.Reason.Should().Contain("the file changed while it was being tagged");
        System.IO.File.ReadAllBytes(file).Should().Equal(replacement, "the other program's file is kept as it is");
        Directory.GetFiles(songs).Should().BeEquivalentTo(made, "the tagged copy is removed");
    }

    [Fact]
    public async Task A_run_killed_between_writing_and_replacing_leaves_every_original_whole_and_the_next_run_removes_the_copy()
    {
        string songs = Songs();
        string[] files = Enumerable.Range(0, 4).SelectMany(i => TaggedFiles.Make(songs, seconds: 20, name: $"song{i}")).ToArray();
        foreach (string other in files.Where(f => !f.EndsWith(".flac", StringComparison.Ordinal) && !f.EndsWith(".mp3", StringComparison.Ordinal)))
        {
            System.IO.File.Delete(other);
        }

        files = files.Where(System.IO.File.Exists).ToArray();
        Dictionary<string, byte[]> original = files.ToDictionary(f => f, System.IO.File.ReadAllBytes);
        Dictionary<string, byte[]> decoded = files.ToDictionary(f => f, TaggedFiles.Decoded);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { typeof(MerApp).Assembly.Location, "tag", songs, "--write", "--jobs", "1" }.Concat(Model))
        {
            start.ArgumentList.Add(arg);
        }

        // The kill must land while a tagged copy waits beside its original: the watcher reports the copy's creation
        // (inotify) as it happens, instead of polling for a window that lasts only as long as one verification.
        var copyMade = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(songs, "*.mer-tag") { EnableRaisingEvents = true };
        watcher.Created += (_, _) => copyMade.TrySetResult();
        watcher.Renamed += (_, _) => copyMade.TrySetResult();
        using (Process mer = Process.Start(start)!)
        {
            _ = mer.StandardOutput.ReadToEndAsync();
            _ = mer.StandardError.ReadToEndAsync();
            Task first = await Task.WhenAny(copyMade.Task, mer.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
            first.Should().BeSameAs(copyMade.Task, "the run must be killed while a tagged copy waits beside its original");
            mer.Kill(entireProcessTree: true);
            await mer.WaitForExitAsync();
        }

        foreach (string file in files)
        {
            byte[] now = System.IO.File.ReadAllBytes(file);
            if (!now.SequenceEqual(original[file]))
            {
                TaggedFiles.Decoded(file).Should().Equal(decoded[file], $"{file} was replaced whole by its verified copy before the kill");
            }
        }

        var (code, output, error) = await CliRunner.RunAsync(["tag", songs, "--write", .. Model]);

        code.Should().Be(0, error);
        Directory.GetFiles(songs, "*.mer-tag").Should().BeEmpty("the next run removes what the killed run left");
        Directory.GetFiles(songs).Should().HaveCount(files.Length);
        foreach (string file in files)
        {
            TaggedFiles.Decoded(file).Should().Equal(decoded[file]);
            using TagLib.File tagged = TagFields.Open(file, Path.GetExtension(file));
            TagFields.Read(tagged, TagFields.Model).Should().NotBeNull(file);
        }
    }

    [Fact]
    public async Task A_file_without_music_gets_no_mood_and_the_dry_run_says_why()
    {
        string songs = Songs();
        string silent = TaggedFiles.Silence(songs, "silence.flac");
        byte[] decoded = TaggedFiles.Decoded(silent);

        var (dryCode, dryOutput, dryError) = await CliRunner.RunAsync(["tag", silent, .. Model]);
        var (code, output, error) = await CliRunner.RunAsync(["tag", silent, "--write", .. Model]);

        dryCode.Should().Be(0, dryError);
        dryOutput.Should().Contain($"{silent}: would write no MOOD").And.Contain("no music detected");
        code.Should().Be(0, error);
        output.Should().Contain("tagged 1");
        using TagLib.File tagged = TagFields.Open(silent, ".flac");
        TagFields.Read(tagged, "MOOD").Should().BeNull("silence has no mood");
        TagFields.Read(tagged, TagFields.Arousal).Should().BeNull();
        TagFields.Read(tagged, TagFields.Model).Should().StartWith("mean-test ", "the model is written so that the file is not analysed again");
        TaggedFiles.Decoded(silent).Should().Equal(decoded);
    }

    [Fact]
    public async Task Refuses_a_backup_without_write_and_inputs_without_audio()
    {
        string songs = Songs();
        System.IO.File.WriteAllText(Path.Combine(songs, "notes.txt"), "no audio");

        var (backupCode, _, backupError) = await CliRunner.RunAsync(["tag", songs, "--backup", .. Model]);
        var (emptyCode, _, emptyError) = await CliRunner.RunAsync(["tag", songs, .. Model]);

        backupCode.Should().Be(2);
        backupError.Should().Contain("--backup");
        emptyCode.Should().Be(2);
        emptyError.Should().Contain("no audio files to tag");
    }
}
