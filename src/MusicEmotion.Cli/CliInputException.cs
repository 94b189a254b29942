namespace MusicEmotion.Cli;

/// <summary>A bad command-line input detected by a command itself (e.g. an output folder that does not exist).</summary>
internal sealed class CliInputException(string message) : MusicEmotionException(MusicEmotionErrorKind.Input, message);
