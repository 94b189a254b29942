namespace MusicEmotion.Inference.Cards;

/// <summary>How a raw output <c>x</c> becomes a value on [-1, 1].</summary>
internal enum OutputMappingKind
{
    /// <summary><c>clamp(offset + scale·x, −1, 1)</c>: e.g. a [1, 9] rating with scale 0.25 and offset −1.25.</summary>
    Affine,
    /// <summary><c>tanh(offset + scale·x)</c>: for logits.</summary>
    Tanh,
}
