using System.Text.Json;
using MusicEmotion.Audio;

namespace MusicEmotion.Cli;

/// <summary>Turns the exceptions a command may raise into a one-line message and an exit code, never a stack trace.</summary>
internal static class CommandFailure
{
    /// <summary>Runs <paramref name="body"/>, reporting expected failures as one line on <paramref name="error"/>.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("mer: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (IsInputProblem(ex))
        {
            await error.WriteLineAsync($"mer: error: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.InputError;
        }
    }

    private static bool IsInputProblem(Exception ex) => ex is AudioException
        or JsonException
        or InvalidDataException
        or ArgumentException
        or IOException
        or UnauthorizedAccessException
        or NotSupportedException
        or CliInputException
        or MusicEmotion.Evaluation.DatasetFormatException
        or MusicEmotion.Inference.EmotionModelException
        or MusicEmotion.Recommend.Catalog.CatalogException
        or MusicEmotion.Recommend.Recommending.RecommendationException;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>A bad command-line input detected by a command itself (e.g. an output folder that does not exist).</summary>
internal sealed class CliInputException(string message) : Exception(message);
