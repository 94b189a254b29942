namespace MusicEmotion.Audio.Managed;

/// <summary>
/// Turns what a third-party managed decoder throws on malformed input (it may be any exception type: index out of
/// range, invalid data, null reference) into an <see cref="AudioFormatException"/>, so bad input only ever ends in a
/// typed audio error. Cancellation, out-of-memory and the project's own audio errors pass through untouched.
/// </summary>
internal static class DecoderFailure
{
    /// <summary>Whether <paramref name="exception"/> is the decoder's reaction to bad input (and should be wrapped).</summary>
    public static bool IsBadInput(Exception exception) =>
        exception is not (OperationCanceledException or OutOfMemoryException or AudioException or ObjectDisposedException or ThreadInterruptedException);

    /// <summary>The typed error for <paramref name="exception"/> raised by <paramref name="decoder"/> on <paramref name="sourceName"/>.</summary>
    public static AudioFormatException Wrap(string sourceName, string decoder, Exception exception) =>
        new(sourceName, $"{decoder} could not decode it ({exception.GetType().Name}: {exception.Message})", exception);
}
