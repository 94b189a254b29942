using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Transcription;

/// <summary>The transcriber with the real embedded model (ONNX Runtime) on synthesised audio with known notes.</summary>
public sealed class NoteTranscriberTests(TranscriberFixture fixture) : IClassFixture<TranscriberFixture>
{
    private const double OnsetTolerance = 0.025;

    [Fact]
    public async Task A_synthesised_scale_and_chords_give_their_notes_with_exact_pitches_and_onsets_within_25_ms()
    {
        IReadOnlyList<SynthesizedMusic.Note> expected = SynthesizedMusic.ScaleAndChords();

        NoteTranscription result = await fixture.Transcriber.TranscribeAsync(fixture.ScaleAndChordsWav);

        result.DurationSeconds.Should().BeApproximately(10, 1e-3, "44.1 kHz stereo in, resampled to 22,050 Hz mono");
        result.Source.Should().Be(fixture.ScaleAndChordsWav);
        foreach (SynthesizedMusic.Note note in expected)
        {
            result.Notes.Should().Contain(n => n.Pitch == note.Pitch && Math.Abs(n.StartSeconds - note.Start) <= OnsetTolerance,
                $"the note {note.Pitch} at {note.Start:0.00} s was played");
        }

        // What else the model hears is the octave (or the twelfth, or two octaves) of a note just struck, weaker and short.
        int[] partials = [-12, 12, 19, 24];
        NoteEvent[] extras = result.Notes.Where(n => !expected.Any(e => e.Pitch == n.Pitch && Math.Abs(n.StartSeconds - e.Start) <= OnsetTolerance)).ToArray();
        extras.Length.Should().BeLessThanOrEqualTo(10);
        foreach (NoteEvent extra in extras)
        {
            expected.Should().Contain(e => partials.Contains(extra.Pitch - e.Pitch) && Math.Abs(extra.StartSeconds - e.Start) <= OnsetTolerance,
                $"{extra.Pitch} at {extra.StartSeconds:0.000} s should be a partial of a played note");
            extra.Amplitude.Should().BeLessThan(0.45f);
        }

        result.Notes.Except(extras).Should().HaveCount(expected.Count).And.OnlyContain(n => n.Amplitude > 0.6f);
        result.Notes.Except(extras).Should().OnlyContain(n => n.PitchBends.Select(b => b.Semitones).Order().ElementAt(n.PitchBends.Count / 2) == 0,
            "the tones are in tune: each note's median bend is 0");
        result.Notes.Should().BeInAscendingOrder(n => n.StartSeconds);
        result.Notes.Should().OnlyContain(n => n.EndSeconds > n.StartSeconds && n.Amplitude > 0 && n.Amplitude <= 1 && n.PitchBends.Count > 0);
    }

    [Fact]
    public async Task Silence_gives_no_notes()
    {
        string silent = fixture.WriteWav("silence.wav", new float[22050 * 8], 22050, 1);

        NoteTranscription result = await fixture.Transcriber.TranscribeAsync(silent);

        result.Notes.Should().BeEmpty();
        result.DurationSeconds.Should().BeApproximately(8, 1e-6);
        result.TempoBpm.Should().Be(0, "silence has no pulse");
    }

    [Fact]
    public async Task Streaming_gives_the_notes_of_the_whole_transcription_whatever_the_read_sizes()
    {
        NoteTranscription batch = await fixture.Transcriber.TranscribeAsync(fixture.ScaleAndChordsWav);
        float[] mono = SynthesizedMusic.Render(SynthesizedMusic.ScaleAndChords(), 22050, 10);
        NoteTranscription fromArray = await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(mono, 22050), "array");

        var streamed = new List<NoteEvent>();
        await foreach (NoteEvent note in fixture.Transcriber.TranscribeStreamingAsync(fixture.ScaleAndChordsWav))
        {
            streamed.Add(note);
        }

        var smallReads = new List<NoteEvent>();
        await foreach (NoteEvent note in fixture.Transcriber.TranscribeStreamingAsync(new ArraySampleSource(mono, new AudioFormat(22050, 1), maxFramesPerRead: 777), "array"))
        {
            smallReads.Add(note);
        }

        batch.Notes.Should().NotBeEmpty();
        streamed.Should().Equal(batch.Notes);
        smallReads.Should().Equal(fromArray.Notes);
        (await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(mono, new AudioFormat(22050, 1), maxFramesPerRead: 1), "one at a time")).Notes
            .Should().Equal(fromArray.Notes);
    }

    [Fact]
    public async Task A_long_source_is_streamed_notes_arrive_long_before_it_ends()
    {
        using var transcriber = new NoteTranscriber(new NoteTranscriptionOptions { MaxBlockSeconds = 20 });
        var source = new RepeatingSource(SynthesizedMusic.Render(SynthesizedMusic.ScaleAndChords(), 22050, 10), seconds: 120);
        long framesReadAtFirstNote = -1;
        int count = 0;

        await foreach (NoteEvent note in transcriber.TranscribeStreamingAsync(source, "two minutes"))
        {
            if (framesReadAtFirstNote < 0)
            {
                framesReadAtFirstNote = source.FramesRead;
                note.StartSeconds.Should().BeLessThan(1);
            }

            count++;
        }

        framesReadAtFirstNote.Should().BeLessThan(22050L * 40, "the first block (20 s, ending in a silent gap) is decoded while the source is still being read");
        count.Should().BeGreaterThanOrEqualTo(12 * 21, "every repetition's notes are found");
        source.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task Cancellation_stops_a_transcription_and_disposes_the_source()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Func<Task> before = () => fixture.Transcriber.TranscribeAsync(fixture.ScaleAndChordsWav, cancelled.Token);
        await before.Should().ThrowAsync<OperationCanceledException>();

        var endless = new RepeatingSource(new float[22050], seconds: double.PositiveInfinity);
        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Func<Task> during = () => fixture.Transcriber.TranscribeAsync(endless, "endless", soon.Token);
        await during.Should().ThrowAsync<OperationCanceledException>();
        endless.Disposed.Should().BeTrue();

        var endlessStream = new RepeatingSource(new float[22050], seconds: double.PositiveInfinity);
        using var streamingSoon = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Func<Task> streaming = async () =>
        {
            await foreach (NoteEvent _ in fixture.Transcriber.TranscribeStreamingAsync(endlessStream, "endless", streamingSoon.Token))
            {
            }
        };
        await streaming.Should().ThrowAsync<OperationCanceledException>();
        endlessStream.Disposed.Should().BeTrue();
    }

    [Fact]
    public async Task A_source_without_samples_is_bad_input()
    {
        Func<Task> empty = () => fixture.Transcriber.TranscribeAsync(new ArraySampleSource(Array.Empty<float>(), 22050), "nothing");

        (await empty.Should().ThrowAsync<AudioFormatException>()).Which.Message.Should().Contain("nothing").And.Contain("no audio samples");
    }

    [Fact]
    public async Task The_tempo_is_the_projects_estimate_on_the_same_samples()
    {
        float[] piece = SynthesizedMusic.Render(SynthesizedMusic.Piece(30), 22050, 30);

        NoteTranscription result = await fixture.Transcriber.TranscribeAsync(new ArraySampleSource(piece, 22050), "piece");

        var descriptors = new MusicEmotion.Features.Descriptors.TrackDescriptorExtractor(new MusicEmotion.Features.FeatureSettings());
        descriptors.Push(piece);
        double expected = descriptors.Complete().TempoBpm;
        result.TempoBpm.Should().BeApproximately(expected, 1e-3);
        result.TempoBpm.Should().BeInRange(115, 125, "the piece is at 120 BPM");
        result.Notes.Should().HaveCountGreaterThan(50);
    }

    /// <summary>Repeats a clip for a while (or forever), generated as it is read; counts what was read.</summary>
    private sealed class RepeatingSource(float[] clip, double seconds) : ISampleSource
    {
        private readonly long _total = double.IsPositiveInfinity(seconds) ? long.MaxValue : (long)(seconds * 22050);

        public AudioFormat Format { get; } = new(22050, 1);

        public long? LengthInFrames => null;

        public long FramesRead { get; private set; }

        public bool Disposed { get; private set; }

        public int Read(Span<float> buffer)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            int n = (int)Math.Min(buffer.Length, _total - FramesRead);
            for (int i = 0; i < n; i++)
            {
                buffer[i] = clip[(FramesRead + i) % clip.Length];
            }

            FramesRead += n;
            return n;
        }

        public void Dispose() => Disposed = true;
    }
}
