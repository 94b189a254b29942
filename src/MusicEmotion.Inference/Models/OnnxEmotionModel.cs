using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using MusicEmotion.Features;
using MusicEmotion.Inference.Prediction;
using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Models;

/// <summary>
/// An <see cref="IEmotionModel"/> backed by an ONNX file and its <see cref="ModelCard"/>. One
/// <see cref="InferenceSession"/> is created and shared (ONNX Runtime's <c>Run</c> is thread-safe), inputs are
/// passed as <see cref="OrtValue"/>s over the caller's memory (no copy), and the graph's inputs and outputs are
/// checked against the card when the model loads.
/// </summary>
internal sealed class OnnxEmotionModel : IEmotionModel
{
    private const string ResourcePrefix = "MusicEmotion.Inference.ShippedModel.";
    private const string AudioModelResource = ResourcePrefix + "emotion-model.onnx";
    private const string AudioCardResource = ResourcePrefix + "emotion-model.card.json";
    private const string NotesModelResource = ResourcePrefix + "emotion-model-notes.onnx";
    private const string NotesCardResource = ResourcePrefix + "emotion-model-notes.card.json";

    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _arousalColumn; // index in output.order (column of a [batch, 2] output, or which output)
    private readonly int _valenceColumn;
    private bool _disposed;

    private OnnxEmotionModel(InferenceSession session, ModelCard card, FeatureKindRegistry featureKinds, string sourceName)
    {
        _session = session;
        Card = card;
        FeatureKinds = featureKinds;
        try
        {
            FeatureWidth = FeatureRecipeStream.WidthOf(card.Features, featureKinds);
        }
        catch (KeyNotFoundException ex)
        {
            throw new EmotionModelException($"{sourceName}: {ex.Message}", ex);
        }

        _inputNames = [card.Input.Name];
        _outputNames = card.Output.Names.ToArray();
        _arousalColumn = card.Output.IndexOf(EmotionDimension.Arousal);
        _valenceColumn = card.Output.IndexOf(EmotionDimension.Valence);
        ValidateAgainstGraph(sourceName);
    }

    /// <inheritdoc />
    public ModelCard Card { get; }

    /// <inheritdoc />
    public int FeatureWidth { get; }

    /// <inheritdoc />
    public FeatureKindRegistry FeatureKinds { get; }

    /// <summary>
    /// Loads a model shipped inside this package: the note-aware one (v3, reading the <c>notes</c> and <c>harmony</c>
    /// kinds of MusicEmotion.Notes) when <paramref name="preferNotes"/> is set and the options' registry holds every kind
    /// its card names; otherwise the audio-only one (v2.1, built-in kinds only).
    /// </summary>
    /// <exception cref="EmotionModelException">An embedded model is missing or broken (a build without a trained model).</exception>
    public static OnnxEmotionModel LoadShipped(bool preferNotes = true, OnnxModelOptions? options = null)
    {
        options ??= new OnnxModelOptions();
        Assembly assembly = typeof(OnnxEmotionModel).Assembly;
        if (preferNotes && assembly.GetManifestResourceInfo(NotesCardResource) is not null)
        {
            ModelCard notes = ReadCard(assembly, NotesCardResource);
            if (notes.Features.Kinds.All(options.FeatureKinds.Contains))
            {
                return LoadEmbedded(assembly, NotesModelResource, notes, options, "embedded note-aware emotion model");
            }
        }

        return LoadEmbedded(assembly, AudioModelResource, ReadCard(assembly, AudioCardResource), options, "embedded emotion model");
    }

    /// <summary>The kinds the shipped note-aware model reads (empty in a build without it): register them to have <see cref="LoadShipped"/> choose it.</summary>
    public static IReadOnlyList<string> ShippedNotesModelKinds()
    {
        Assembly assembly = typeof(OnnxEmotionModel).Assembly;
        return assembly.GetManifestResourceInfo(NotesCardResource) is null ? [] : ReadCard(assembly, NotesCardResource).Features.Kinds;
    }

    private static ModelCard ReadCard(Assembly assembly, string resource)
    {
        string json = System.Text.Encoding.UTF8.GetString(ReadResource(assembly, resource));
        try
        {
            return ModelCard.FromJson(json, "embedded model card");
        }
        catch (EmotionModelException ex) when (ex.Kind == MusicEmotionErrorKind.Input)
        {
            throw new EmotionModelException(MusicEmotionErrorKind.Internal, ex.Message, ex);
        }
    }

    private static OnnxEmotionModel LoadEmbedded(Assembly assembly, string resource, ModelCard card, OnnxModelOptions options, string sourceName)
    {
        try
        {
            return Load(ReadResource(assembly, resource), card, options, sourceName);
        }
        catch (EmotionModelException ex) when (ex.Kind == MusicEmotionErrorKind.Input)
        {
            // The shipped model is not something the host gave: its failing to load is the package's defect.
            throw new EmotionModelException(MusicEmotionErrorKind.Internal, ex.Message, ex);
        }
    }

    /// <summary>Loads your own ONNX model described by a card file.</summary>
    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="cardPath">Its model card (JSON).</param>
    /// <param name="options">Runtime options.</param>
    /// <exception cref="EmotionModelException">A file is missing or invalid, or the graph does not match the card.</exception>
    public static OnnxEmotionModel Load(string modelPath, string cardPath, OnnxModelOptions? options = null)
    {
        ModelCard card = ModelCard.Load(cardPath);
        if (!File.Exists(modelPath))
        {
            throw new EmotionModelException($"{modelPath}: ONNX model file not found");
        }

        return Load(File.ReadAllBytes(modelPath), card, options, modelPath);
    }

    /// <summary>Loads an ONNX model from memory with its card.</summary>
    /// <exception cref="EmotionModelException">The bytes are not a loadable ONNX model or do not match the card.</exception>
    public static OnnxEmotionModel Load(byte[] model, ModelCard card, OnnxModelOptions? options = null, string sourceName = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        card.Validate();
        options ??= new OnnxModelOptions();
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EmotionModelException($"{sourceName}: ONNX Runtime cannot load it ({ex.Message})", ex);
        }

        try
        {
            return new OnnxEmotionModel(session, card, options.FeatureKinds ?? FeatureKindRegistry.BuiltIn, sourceName);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Predict(ReadOnlyMemory<float> windows, int windowCount, int framesPerWindow, Span<ArousalValence> results)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerWindow, 1);
        long expected = (long)windowCount * framesPerWindow * FeatureWidth;
        if (windows.Length != expected)
        {
            throw new ArgumentException($"Expected {windowCount}×{framesPerWindow}×{FeatureWidth} = {expected} floats, got {windows.Length}.", nameof(windows));
        }

        if (results.Length < windowCount)
        {
            throw new ArgumentException($"Room for {results.Length} results, {windowCount} needed.", nameof(results));
        }

        long[] shape = [windowCount, framesPerWindow, FeatureWidth];
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, MemoryMarshal.AsMemory(windows), shape);
        using var runOptions = new RunOptions();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, _inputNames, [input], _outputNames);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EmotionModelException(MusicEmotionErrorKind.Internal, $"{Card.Name}: inference failed ({ex.Message})", ex);
        }

        using (outputs)
        {
            OutputMapping mapping = Card.Output.Mapping;
            if (_outputNames.Length == 1)
            {
                ReadOnlySpan<float> values = outputs[0].GetTensorDataAsSpan<float>();
                RequireLength(values, windowCount * 2);
                for (int w = 0; w < windowCount; w++)
                {
                    results[w] = new ArousalValence(
                        mapping.Apply(_arousalColumn, values[w * 2 + _arousalColumn]),
                        mapping.Apply(_valenceColumn, values[w * 2 + _valenceColumn]));
                }
            }
            else
            {
                ReadOnlySpan<float> arousal = outputs.ElementAt(_arousalColumn).GetTensorDataAsSpan<float>();
                ReadOnlySpan<float> valence = outputs.ElementAt(_valenceColumn).GetTensorDataAsSpan<float>();
                RequireLength(arousal, windowCount);
                RequireLength(valence, windowCount);
                for (int w = 0; w < windowCount; w++)
                {
                    results[w] = new ArousalValence(mapping.Apply(_arousalColumn, arousal[w]), mapping.Apply(_valenceColumn, valence[w]));
                }
            }
        }
    }

    private void RequireLength(ReadOnlySpan<float> values, int expected)
    {
        if (values.Length != expected)
        {
            throw new EmotionModelException($"{Card.Name}: output has {values.Length} values, {expected} expected; check output.names in the card");
        }
    }

    private void ValidateAgainstGraph(string sourceName)
    {
        if (!_session.InputMetadata.TryGetValue(Card.Input.Name, out NodeMetadata? input))
        {
            throw new EmotionModelException($"{sourceName}: the graph has no input '{Card.Input.Name}' (it has: {string.Join(", ", _session.InputMetadata.Keys)})");
        }

        if (input.ElementType != typeof(float) || input.Dimensions.Length != 3)
        {
            throw new EmotionModelException($"{sourceName}: input '{Card.Input.Name}' must be a float tensor [batch, frames, features]; it is {input.ElementType.Name}[{string.Join(",", input.Dimensions)}]");
        }

        int features = input.Dimensions[2];
        if (features > 0 && features != FeatureWidth)
        {
            throw new EmotionModelException($"{sourceName}: input '{Card.Input.Name}' takes {features} features per frame, but the card's recipe ({string.Join("+", Card.Features.Kinds)}) produces {FeatureWidth}");
        }

        int frames = input.Dimensions[1];
        if (frames > 0 && frames != Card.WindowFrames)
        {
            throw new EmotionModelException($"{sourceName}: input '{Card.Input.Name}' has a fixed {frames} frames, but the card's window is {Card.WindowFrames} frames; make the frames axis dynamic");
        }

        foreach (string name in _outputNames)
        {
            if (!_session.OutputMetadata.TryGetValue(name, out NodeMetadata? output))
            {
                throw new EmotionModelException($"{sourceName}: the graph has no output '{name}' (it has: {string.Join(", ", _session.OutputMetadata.Keys)})");
            }

            if (output.ElementType != typeof(float))
            {
                throw new EmotionModelException($"{sourceName}: output '{name}' must be float, it is {output.ElementType.Name}");
            }
        }

        if (_outputNames.Length == 1 && _session.OutputMetadata[_outputNames[0]].Dimensions is { Length: 2 } dims && dims[1] > 0 && dims[1] != 2)
        {
            throw new EmotionModelException($"{sourceName}: output '{_outputNames[0]}' has {dims[1]} columns; a single output must be [batch, 2]");
        }
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using Stream? stream = assembly.GetManifestResourceStream(name)
            ?? throw new EmotionModelException(MusicEmotionErrorKind.Internal,
                $"The embedded resource '{name}' is missing from {assembly.GetName().Name}: this build has no trained model. Run training/train.py (see docs/model.md) or use your own (EmotionAnalyzerOptions.ModelPath and ModelCardPath).", null);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
    }
}
