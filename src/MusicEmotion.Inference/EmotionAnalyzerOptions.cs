using MusicEmotion.Inference.Prediction;
using MusicEmotion.Audio.Decoding;
using MusicEmotion.Audio.Ffmpeg;
using MusicEmotion.Features;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.Inference;

/// <summary>Options of <see cref="EmotionAnalyzer"/> (bind them with <c>services.AddMusicEmotion(o => ...)</c> or pass them directly).</summary>
public sealed class EmotionAnalyzerOptions
{
    /// <summary>Your own ONNX model; null (default) uses the model shipped in the package. Needs <see cref="ModelCardPath"/>.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The card of <see cref="ModelPath"/>.</summary>
    public string? ModelCardPath { get; set; }

    /// <summary>
    /// Which shipped model runs when <see cref="ModelPath"/> is null. True (default): the note-aware model (v3: it also
    /// reads the notes and harmony of MusicEmotion.Notes' transcription; more accurate on popular music, about 50×
    /// real time) when the host has registered the note feature kinds (<c>services.AddMusicEmotionNoteFeatures()</c>,
    /// or <c>FeatureKinds.AddNoteFeatureKinds(transcriber)</c>), otherwise the audio-only model (v2.1: log-mel and
    /// descriptors, over 1,000× real time). False: always the audio-only model. <see cref="EmotionAnalyzer.Model"/>'s
    /// card says which one runs; docs/model.md compares them.
    /// </summary>
    public bool PreferNotesModel { get; set; } = true;

    /// <summary>Threads per ONNX Runtime call. Default 1 (parallelism comes from analysing several songs at once).</summary>
    public int ModelThreads { get; set; } = 1;

    /// <summary>Length of the fixed-length emotion vectors (values per dimension), sized for your catalogue's average track length. Default 180 (3 minutes).</summary>
    public int VectorLength { get; set; } = EmotionVector.DefaultLength;

    /// <summary>Options of the statistics summary.</summary>
    public SummaryOptions Summary { get; set; } = new();

    /// <summary>
    /// How the per-second values are smoothed over time: <see cref="EmotionSmoothing.Card"/> (default: the model card's
    /// choice, which for the shipped model keeps the dynamics), <see cref="EmotionSmoothing.None"/> or
    /// <see cref="EmotionSmoothing.HalfWindow(int)"/>. Per call: <see cref="AnalysisCallOptions.Smoothing"/>.
    /// </summary>
    public EmotionSmoothing Smoothing { get; set; } = EmotionSmoothing.Card;

    /// <summary>
    /// Whether to find the seconds without music (silence, near-silence, steady tones, hum, steady noise) and leave them
    /// out of every mood reading. Default true; false reads every second as music (as releases before model 3 did).
    /// </summary>
    public bool DetectMusic { get; set; } = true;

    /// <summary>
    /// A second quieter than this RMS level (dB relative to full scale) is silence. Default −66 dBFS (the quietest second
    /// of music in the 4Q val clips measures −62); raise it for recordings with a noisy floor (tape, vinyl).
    /// </summary>
    public double SilenceThresholdDb { get; set; } = MusicDetectionOptions.Default.SilenceThresholdDb;

    /// <summary>Whether an analysis also writes a plain-language description. Default true (per call: <see cref="AnalysisCallOptions.Describe"/>).</summary>
    public bool Describe { get; set; } = true;

    /// <summary>Songs analysed at once by <see cref="EmotionAnalyzer.AnalyzeManyAsync"/>. Default: number of cores.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Where ffmpeg and ffprobe are (default: PATH).</summary>
    public FfmpegOptions Ffmpeg { get; set; } = new();

    /// <summary>
    /// Your own decoders, asked before the built-in ones (WAV, ffmpeg, NLayer, NVorbis): the first decoder whose
    /// <see cref="IAudioDecoder.CanDecode"/> claims a file's first bytes decodes it. With dependency injection,
    /// <c>services.AddAudioDecoder&lt;T&gt;()</c> adds to these.
    /// </summary>
    public IList<IAudioDecoder> Decoders { get; } = new List<IAudioDecoder>();

    /// <summary>
    /// The feature kinds a model card may name: the built-in ones plus those you add
    /// (<c>o.FeatureKinds.Add("cqt", settings =&gt; new MyCqtExtractor(settings))</c>, or
    /// <c>services.AddFeatureKind(...)</c>), for your own model (<see cref="ModelPath"/>) that reads them.
    /// </summary>
    public FeatureKindRegistry FeatureKinds { get; set; } = new();

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if ((ModelPath is null) != (ModelCardPath is null))
        {
            throw new ArgumentException("ModelPath and ModelCardPath go together: set both to use your own model, or neither for the shipped one.");
        }

        if (VectorLength is < 1 or > EmotionVector.MaxLength)
        {
            throw new ArgumentException($"VectorLength must be between 1 and {EmotionVector.MaxLength} (got {VectorLength}).");
        }

        if (Smoothing is null)
        {
            throw new ArgumentException("Smoothing must be set (EmotionSmoothing.Card, None or HalfWindow(seconds)).");
        }

        if (FeatureKinds is null || Decoders.Any(d => d is null))
        {
            throw new ArgumentException("FeatureKinds must be set and Decoders may not hold null.");
        }

        if (MaxConcurrency < 1 || ModelThreads < 1)
        {
            throw new ArgumentException("MaxConcurrency and ModelThreads must be at least 1.");
        }

        if (!double.IsFinite(SilenceThresholdDb) || SilenceThresholdDb > 0)
        {
            throw new ArgumentException($"SilenceThresholdDb must be a finite level at or below 0 dBFS (got {SilenceThresholdDb}).");
        }
    }

    /// <summary>The music detection these options ask for.</summary>
    internal MusicDetectionOptions MusicDetection => new() { Enabled = DetectMusic, SilenceThresholdDb = SilenceThresholdDb };
}
