using MusicEmotion.Audio;
using MusicEmotion.Audio.Processing;
using MusicEmotion.Features;
using MusicEmotion.Notes.Analysis;
using MusicEmotion.Notes.Kinds;
using MusicEmotion.Tests.Shared;

namespace MusicEmotion.Notes.Tests.Analysis;

/// <summary>
/// The note kinds' stream hands out a second's columns as soon as they are final (a few seconds after the decoding
/// block that reaches past it), with exactly the values of the whole-track analysis, so a recipe's aligner holds a
/// bounded number of frames whatever the length of the audio. Transcribers with 10-second blocks (the least allowed)
/// make a one-minute clip several blocks long; the shipped 300-second blocks behave alike on longer audio.
/// </summary>
public sealed class NoteFeatureStreamingTests : IDisposable
{
    private const double BlockSeconds = 10;
    private static readonly FeatureSettings Settings = new();
    private static readonly string[] Recipe = ["logMel", "notes", "harmony", "melody"];
    private readonly NoteTranscriber _transcriber = new(new NoteTranscriptionOptions { MaxBlockSeconds = BlockSeconds });

    [SkippableFact]
    public async Task A_real_song_streams_its_columns_before_the_end_with_the_whole_track_values()
    {
        string path = SharedData.Require("emotify", "audio", "rock", "11.mp3");
        float[] mono;
        using (ISampleSource source = AudioLoader.Default.Open(path).ToMonoAt(Settings.SampleRate))
        {
            mono = source.ReadAll();
        }

        var registry = new FeatureKindRegistry().AddNoteFeatureKinds(_transcriber);
        var sink = new ArrivalSink();
        NoteFeatureCapture capture;
        using (capture = NoteFeatureCapture.Begin())
        {
            IFeatureStream stream = registry.CreateStream(Recipe, Settings); // in the capture's scope: it keeps every note
            for (int i = 0; i < mono.Length; i += 4096)
            {
                int n = Math.Min(4096, mono.Length - i);
                sink.Pushed = i + n;
                stream.Push(mono.AsSpan(i, n), sink);
            }

            sink.Pushed = long.MaxValue; // what Complete hands out
            stream.Complete(sink);
        }

        // The whole-track analysis of the same notes (the capture's, which a file transcription equals), frame by frame.
        NoteTranscription file = await _transcriber.TranscribeAsync(new ArraySampleSource(mono, Settings.SampleRate), "clip");
        capture.Notes.Should().Equal(file.Notes, (a, b) => a.StartSeconds == b.StartSeconds && a.EndSeconds == b.EndSeconds && a.Pitch == b.Pitch && a.Amplitude == b.Amplitude);
        NoteFeatures whole = NoteFeatureAnalyzer.Analyze(file.Notes, mono.Length / (double)Settings.SampleRate);
        float[] expected = NoteFeatureColumns.ToMatrix(whole, NoteFeatureColumns.Kinds);
        int width = NoteFeatureColumns.NamesOf(NoteFeatureColumns.Kinds).Count, logMel = Settings.MelBands;
        sink.Rows.Should().HaveCount((int)Settings.FrameCount(mono.Length));
        for (int t = 0; t < sink.Rows.Count; t++)
        {
            int second = Math.Min((int)Math.Floor(t * (double)Settings.HopLength / Settings.SampleRate), whole.Seconds.Count - 1);
            sink.Rows[t].AsSpan(logMel).ToArray().Should().Equal(expected.AsSpan(second * width, width).ToArray(), $"frame {t} takes second {second}'s row of the whole track");
        }

        // Seconds arrive while the audio is pushed: each frame no later than two blocks plus the 5 s a row reads ahead
        // (and the model's 2-s window) after its time, so most of the clip before the end.
        int beforeEnd = sink.Arrivals.Count(a => a != long.MaxValue);
        beforeEnd.Should().BeGreaterThan(sink.Rows.Count / 2, "a one-minute clip in 10-second blocks is mostly handed out before its end");
        for (int t = 0; t < beforeEnd; t++)
        {
            double lag = (sink.Arrivals[t] / (double)Settings.SampleRate) - (t * (double)Settings.HopLength / Settings.SampleRate);
            lag.Should().BeLessThan((2 * BlockSeconds) + 5 + 2 + 1, $"frame {t} waits at most for its block and the next");
        }
    }

    [Fact]
    public void On_long_input_the_aligner_and_the_note_stream_hold_a_bounded_amount_whatever_the_length()
    {
        const int seconds = 180;
        float[] mono = SynthesizedMusic.Render(SynthesizedMusic.Piece(seconds, seed: 5), Settings.SampleRate, seconds);
        var registry = new FeatureKindRegistry().AddNoteFeatureKinds(_transcriber);
        IFeatureStream aligned = registry.CreateStream(["logMel", "notes", "harmony"], Settings);
        var notesOnly = (NoteFeatureStream)new NoteFeatureExtractor(["notes", "harmony"], Settings, _transcriber).CreateStream();
        var sink = new CountingSink();
        long mostBuffered = 0, mostHeld = 0, lastPushed = 0;
        for (int i = 0; i < mono.Length; i += 8192)
        {
            ReadOnlySpan<float> chunk = mono.AsSpan(i, Math.Min(8192, mono.Length - i));
            aligned.Push(chunk, sink);
            notesOnly.Push(chunk, sink.Ignore);
            lastPushed = i + chunk.Length;

            // The aligner releases a row once every part produced it; the built-in kind produces every frame at once, so
            // what it holds is at most the frames of the audio pushed so far that it has not released.
            mostBuffered = Math.Max(mostBuffered, Settings.FrameCount(lastPushed) - aligned.FramesWritten);
            mostHeld = Math.Max(mostHeld, notesOnly.Held);
        }

        long bufferedAtEnd = Settings.FrameCount(lastPushed) - aligned.FramesWritten;
        aligned.Complete(sink);
        notesOnly.Complete(sink.Ignore);

        double frameRate = Settings.FrameRate;
        sink.Frames.Should().Be(Settings.FrameCount(mono.Length));
        mostBuffered.Should().BeLessThan((long)(((2 * BlockSeconds) + 5 + 2 + 1) * frameRate),
            "the aligner waits for the note kinds at most two blocks and the seconds a row reads ahead, not for the whole 3 minutes");
        bufferedAtEnd.Should().BeLessThan(sink.Frames / 4, "almost every frame was handed out before the end of the input");
        int pieceNotes = SynthesizedMusic.Piece(seconds, seed: 5).Count;
        mostHeld.Should().BeLessThan((2 * pieceNotes * 30 / seconds) + 30,
            "notes (at most twice the piece's, for doubled or split ones) and rows of about 30 s, not of 3 minutes");
    }

    public void Dispose() => _transcriber.Dispose();

    private sealed class ArrivalSink : IFeatureFrameSink
    {
        public long Pushed { get; set; }

        public List<float[]> Rows { get; } = [];

        public List<long> Arrivals { get; } = [];

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            frameIndex.Should().Be(Rows.Count);
            Rows.Add(features.ToArray());
            Arrivals.Add(Pushed);
        }
    }

    private sealed class CountingSink : IFeatureFrameSink
    {
        public long Frames { get; private set; }

        public IFeatureFrameSink Ignore { get; } = new Nothing();

        public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
        {
            frameIndex.Should().Be(Frames);
            Frames++;
        }

        private sealed class Nothing : IFeatureFrameSink
        {
            public void OnFrame(long frameIndex, ReadOnlySpan<float> features)
            {
            }
        }
    }
}
