
using MusicEmotion.Inference.Prediction;

namespace MusicEmotion.Inference.Tests.Prediction;

public class SecondWindowsTests
{
    private const double FrameRate = 22050 / 512.0; // 43.06640625

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(22049L, 1)]
    [InlineData(22050L, 1)]
    [InlineData(44100L, 2)]     // exactly 2 s
    [InlineData(44101L, 3)]     // 2 s + 1 sample
    [InlineData(26_460_000L, 1200)] // 20 minutes
    public void SecondCount_counts_every_started_second(long samples, int expected)
    {
        SecondWindows.SecondCount(samples, 22050).Should().Be(expected);
    }

    [Fact]
    public void SecondCount_rejects_bad_arguments()
    {
        FluentActions.Invoking(() => SecondWindows.SecondCount(-1, 22050)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => SecondWindows.SecondCount(10, 0)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_rejects_bad_arguments()
    {
        FluentActions.Invoking(() => new SecondWindows(0, FrameRate)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SecondWindows(129, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SecondWindows(129, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SecondWindows(129, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Middle_second_window_is_centred_on_the_middle_of_the_second()
    {
        var windows = new SecondWindows(129, FrameRate);

        // floor(10.5 · 43.0664 − 64.5 + 0.5) = floor(388.197) = 388; frames 388..516, centre frame 452 = 10.4955 s.
        windows.Window(10, totalFrames: 1000).Should().Be((388L, 129));
        windows.UnclampedStart(10).Should().Be(388);
        ((388 + 64) / FrameRate).Should().BeApproximately(10.5, 0.5 / FrameRate);
    }

    [Fact]
    public void First_second_window_is_shifted_to_start_at_frame_0()
    {
        var windows = new SecondWindows(129, FrameRate);

        windows.UnclampedStart(0).Should().Be(-43); // floor(21.53 − 64)
        windows.Window(0, totalFrames: 1000).Should().Be((0L, 129));
        windows.Window(1, totalFrames: 1000).Should().Be((0L, 129)); // floor(64.6 − 64) = 0
        windows.Window(2, totalFrames: 1000).Should().Be((43L, 129)); // floor(107.67 − 64) = 43
    }

    [Fact]
    public void Last_second_window_is_shifted_to_end_at_the_last_frame()
    {
        var windows = new SecondWindows(129, FrameRate);
        long total = 1 + (441_000 / 512); // 20 s centred STFT: 862 frames

        windows.UnclampedStart(19).Should().Be(775); // floor(839.80 − 64); 775 + 129 > 862
        windows.Window(19, total).Should().Be((733L, 129));
        windows.Window(19, total).Start.Should().Be(total - 129);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(18L)]  // 0.4 s of audio
    [InlineData(128L)]
    [InlineData(129L)] // exactly one window
    public void Audio_no_longer_than_a_window_uses_all_its_frames(long total)
    {
        var windows = new SecondWindows(129, FrameRate);
        windows.Window(0, total).Should().Be((0L, (int)total));
        windows.Window(5, total).Should().Be((0L, (int)total));
    }

    [Fact]
    public void Windows_stay_inside_the_audio_and_move_forward()
    {
        var windows = new SecondWindows(129, FrameRate);
        foreach (long total in new long[] { 130, 200, 862, 5000 })
        {
            long previous = -1;
            int seconds = (int)Math.Ceiling(total / FrameRate);
            for (int s = 0; s < seconds; s++)
            {
                (long start, int length) = windows.Window(s, total);
                length.Should().Be(129);
                start.Should().BeGreaterThanOrEqualTo(0);
                (start + length).Should().BeLessThanOrEqualTo(total);
                start.Should().BeGreaterThanOrEqualTo(previous);
                previous = start;
            }
        }
    }

    [Fact]
    public void Simple_frame_rate_follows_the_documented_formula()
    {
        // 2 frames/s, 4-frame windows: start = floor((s + 0.5)·2 − 2 + 0.5) = floor(2s − 0.5) = 2s − 1.
        var windows = new SecondWindows(4, 2.0);
        windows.UnclampedStart(0).Should().Be(-1);
        windows.UnclampedStart(3).Should().Be(5);
        windows.Window(3, 10).Should().Be((5L, 4));
        windows.Window(4, 10).Should().Be((6L, 4)); // 7 shifted back so that 7 + 4 ≤ 10 → 6
        windows.FramesNeeded(0).Should().Be(4);
        windows.FramesNeeded(3).Should().Be(9);
    }

    [Fact]
    public void FramesNeeded_covers_the_streaming_window()
    {
        var windows = new SecondWindows(129, FrameRate);
        for (int s = 0; s < 50; s++)
        {
            long needed = windows.FramesNeeded(s);
            needed.Should().Be(Math.Max(0, windows.UnclampedStart(s)) + 129);

            // Once that many frames exist, the window no longer depends on the final length.
            windows.Window(s, needed).Should().Be(windows.Window(s, needed + 10_000));
        }
    }
}
