using System.CommandLine;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Models;
using MusicEmotion.Notes;
using MusicEmotion.Notes.Kinds;

namespace MusicEmotion.Cli.Commands;

/// <summary>
/// The --model/--card/--smoothing options shared by commands that run the emotion model, and the analyser they name:
/// loaded by the library's own <see cref="EmotionAnalyzer.CreateDefault"/> and <see cref="EmotionAnalyzer.LoadModel"/>.
/// </summary>
internal static class ModelOptions
{
    /// <summary>The process's one note transcriber (one model session), made when a model first reads note kinds.</summary>
    private static readonly Lazy<NoteTranscriber> SharedTranscriber = new(() => new NoteTranscriber());

    /// <summary>The --model value naming the shipped note-aware model (the default).</summary>
    public const string NotesModel = "notes";

    /// <summary>The --model value naming the shipped audio-only model.</summary>
    public const string AudioModel = "audio";

    public static Option<string?> ModelPath() => new("--model")
    {
        Description = "The emotion model: notes (default: the shipped note-aware model, which also transcribes the notes and harmony; about 50x real time), "
            + "audio (the shipped audio-only model: about 11x faster, less accurate on popular music), or your own ONNX file (needs --card).",
    };

    public static Option<string?> CardPath() => new("--card") { Description = "The model card (JSON) of --model." };

    public static Option<string?> Smoothing() => new("--smoothing")
    {
        Description = "Temporal smoothing of the per-second values: card (default: the model card's choice), none, or a half-window in seconds (centred moving average of 2·N+1 seconds).",
    };

    /// <summary>The --smoothing value as an <see cref="EmotionSmoothing"/> (absent = the card's).</summary>
    public static EmotionSmoothing ParseSmoothing(string? value)
    {
        if (value is null)
        {
            return EmotionSmoothing.Card;
        }

        try
        {
            return EmotionSmoothing.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new CliInputException($"--smoothing: {ex.Message}");
        }
    }

    /// <summary>An analyser (owning its model) with <paramref name="options"/> and the model --model/--card name (default: the shipped one).</summary>
    /// <exception cref="CliInputException">--model without --card (or the other way round), or an option out of range.</exception>
    public static EmotionAnalyzer CreateAnalyzer(string? modelPath, string? cardPath, EmotionAnalyzerOptions? options = null) =>
        EmotionAnalyzer.CreateDefault(Checked(modelPath, cardPath, options));

    /// <summary>The model --model/--card name (default: the shipped one); the caller disposes it.</summary>
    /// <exception cref="CliInputException">--model without --card, or the other way round.</exception>
    public static IEmotionModel Load(string? modelPath, string? cardPath) => EmotionAnalyzer.LoadModel(Checked(modelPath, cardPath, null));

    private static EmotionAnalyzerOptions Checked(string? modelPath, string? cardPath, EmotionAnalyzerOptions? options)
    {
        options ??= new EmotionAnalyzerOptions();
        bool shipped = modelPath is null || modelPath.Equals(NotesModel, StringComparison.OrdinalIgnoreCase) || modelPath.Equals(AudioModel, StringComparison.OrdinalIgnoreCase);
        if (shipped && cardPath is not null)
        {
            throw new CliInputException($"--model and --card go together: --card describes your own --model file (the shipped models, {NotesModel} and {AudioModel}, carry their cards)");
        }

        if (!shipped && cardPath is null)
        {
            throw new CliInputException("--model and --card go together (or --model notes / --model audio for a shipped model)");
        }

        options.PreferNotesModel = !AudioModel.Equals(modelPath, StringComparison.OrdinalIgnoreCase);
        options.ModelPath = shipped ? null : modelPath;
        options.ModelCardPath = cardPath;
        // The note kinds are there for any card to name (the shipped note-aware model, or yours); nothing is transcribed
        // unless the model in use reads them.
        options.FeatureKinds.AddNoteFeatureKinds(() => SharedTranscriber.Value);
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException(ex.Message);
        }

        return options;
    }
}
