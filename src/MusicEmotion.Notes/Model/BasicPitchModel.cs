using Microsoft.ML.OnnxRuntime;

namespace MusicEmotion.Notes.Model;

/// <summary>
/// The embedded Basic Pitch network (converted to ONNX by <c>training/notes/convert_basic_pitch.py</c>, which outputs a
/// window's kept frames only: <see cref="BasicPitchGeometry.KeptFrames"/> of the original 172) in one
/// <see cref="InferenceSession"/>, created once and shared: ONNX Runtime's <c>Run</c> is thread-safe, and each call
/// brings its own buffers (<see cref="WindowBuffers"/>), bound as <see cref="OrtValue"/>s so nothing is copied or
/// allocated per window.
/// </summary>
internal sealed class BasicPitchModel : IDisposable
{
    internal const string ResourceName = "MusicEmotion.Notes.Model.basic-pitch.onnx";
    private static readonly string[] InputNames = ["audio"];
    private static readonly string[] OutputNames = ["note", "onset", "contour"];

    private readonly InferenceSession _session;
    private bool _disposed;

    private BasicPitchModel(InferenceSession session) => _session = session;

    /// <summary>Loads the embedded model.</summary>
    /// <param name="threads">Threads one window may use.</param>
    /// <exception cref="NoteTranscriptionException">The resource is missing or ONNX Runtime cannot load it.</exception>
    public static BasicPitchModel LoadEmbedded(int threads)
    {
        using Stream stream = typeof(BasicPitchModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new NoteTranscriptionException($"The embedded resource '{ResourceName}' is missing from {typeof(BasicPitchModel).Assembly.GetName().Name}; the package is damaged (reinstall it).");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Load(memory.ToArray(), threads, "embedded Basic Pitch model");
    }

    /// <summary>Loads a model from its ONNX bytes (the parity tool and the tests load the embedded one).</summary>
    public static BasicPitchModel Load(byte[] onnx, int threads, string sourceName)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        InferenceSession session;
        try
        {
            session = new InferenceSession(onnx, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new NoteTranscriptionException($"{sourceName}: ONNX Runtime cannot load it ({ex.Message})", ex);
        }

        try
        {
            Validate(session, sourceName);
            return new BasicPitchModel(session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs one window: <see cref="WindowBuffers.Audio"/> in, the three posteriorgrams out.</summary>
    /// <exception cref="NoteTranscriptionException">ONNX Runtime failed.</exception>
    public void Run(WindowBuffers buffers)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _session.Run(buffers.RunOptions, InputNames, buffers.Inputs, OutputNames, buffers.Outputs);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new NoteTranscriptionException($"Basic Pitch inference failed ({ex.Message})", ex);
        }
    }

    private static void Validate(InferenceSession session, string sourceName)
    {
        void Require(IReadOnlyDictionary<string, NodeMetadata> metadata, string name, int[] dims)
        {
            if (!metadata.TryGetValue(name, out NodeMetadata? node) || node.ElementType != typeof(float)
                || node.Dimensions.Length != dims.Length || !node.Dimensions.Skip(1).SequenceEqual(dims.Skip(1)))
            {
                throw new NoteTranscriptionException($"{sourceName}: expected a float tensor '{name}' [batch, {string.Join(", ", dims.Skip(1))}]; the graph has {string.Join(", ", metadata.Select(m => $"{m.Key} [{string.Join(", ", m.Value.Dimensions)}]"))}");
            }
        }

        Require(session.InputMetadata, "audio", [-1, BasicPitchGeometry.WindowSamples, 1]);
        Require(session.OutputMetadata, "note", [-1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.Keys]);
        Require(session.OutputMetadata, "onset", [-1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.Keys]);
        Require(session.OutputMetadata, "contour", [-1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.ContourBins]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _session.Dispose();
        }
    }
}

/// <summary>One caller's input and output memory for <see cref="BasicPitchModel.Run"/>, bound once as <see cref="OrtValue"/>s.</summary>
internal sealed class WindowBuffers : IDisposable
{
    public WindowBuffers()
    {
        Audio = new float[BasicPitchGeometry.WindowSamples];
        Note = new float[BasicPitchGeometry.KeptFrames * BasicPitchGeometry.Keys];
        Onset = new float[BasicPitchGeometry.KeptFrames * BasicPitchGeometry.Keys];
        Contour = new float[BasicPitchGeometry.KeptFrames * BasicPitchGeometry.ContourBins];
        Inputs = [OrtValue.CreateTensorValueFromMemory(Audio, [1, BasicPitchGeometry.WindowSamples, 1])];
        Outputs =
        [
            OrtValue.CreateTensorValueFromMemory(Note, [1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.Keys]),
            OrtValue.CreateTensorValueFromMemory(Onset, [1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.Keys]),
            OrtValue.CreateTensorValueFromMemory(Contour, [1, BasicPitchGeometry.KeptFrames, BasicPitchGeometry.ContourBins]),
        ];
    }

    /// <summary>The window's samples (<see cref="BasicPitchGeometry.WindowSamples"/>).</summary>
    public float[] Audio { get; }

    /// <summary>Note posteriorgram of the window's kept frames, [142 × keys].</summary>
    public float[] Note { get; }

    /// <summary>Onset posteriorgram of the kept frames, [142 × keys].</summary>
    public float[] Onset { get; }

    /// <summary>Pitch contour of the kept frames, [142 × bins].</summary>
    public float[] Contour { get; }

    internal OrtValue[] Inputs { get; }

    internal OrtValue[] Outputs { get; }

    internal RunOptions RunOptions { get; } = new();

    public void Dispose()
    {
        foreach (OrtValue value in Inputs.Concat(Outputs))
        {
            value.Dispose();
        }

        RunOptions.Dispose();
    }
}
