namespace MusicEmotion.Evaluation;

/// <summary>A dataset file is missing or does not have the documented layout; the message names the file and, where possible, the line.</summary>
internal sealed class DatasetFormatException : MusicEmotionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The offending file or folder.</param>
    /// <param name="problem">What is wrong with it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public DatasetFormatException(string path, string problem, Exception? inner = null)
        : base(MusicEmotionErrorKind.Input, $"{path}: {problem}", inner)
    {
        DatasetPath = path;
    }

    /// <summary>The offending file or folder.</summary>
    public string DatasetPath { get; }
}
