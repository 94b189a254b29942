namespace MusicEmotion.Inference.Cards;

/// <summary>The context window the model sees around each second.</summary>
public sealed record WindowSpec
{
    /// <summary>Window length in seconds, centred on the middle of the second being predicted (clamped inside the audio).</summary>
    public required double Seconds { get; init; }

    /// <summary>Seconds between predictions: always 1.</summary>
    public double HopSeconds { get; init; } = 1.0;

    /// <summary>Windows per ONNX <c>Run</c> call. Default 64.</summary>
    public int BatchSize { get; init; } = 64;
}
