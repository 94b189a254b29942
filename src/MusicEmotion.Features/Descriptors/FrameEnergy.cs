using System.Numerics.Tensors;

namespace MusicEmotion.Features.Descriptors;

/// <summary>Time-domain energy of a raw (unwindowed) frame.</summary>
internal static class FrameEnergy
{
    /// <summary>Root mean square <c>√(mean(x²))</c> (librosa <c>feature.rms</c> on the padded, unwindowed frame).</summary>
    /// <param name="frame">Frame samples (non-empty).</param>
    /// <returns>The RMS.</returns>
    public static float Rms(ReadOnlySpan<float> frame)
    {
        if (frame.IsEmpty)
        {
            throw new ArgumentException("Frame must not be empty.", nameof(frame));
        }

        return MathF.Sqrt(TensorPrimitives.SumOfSquares<float>(frame) / frame.Length);
    }

    /// <summary>Loudness in dB full scale: <c>10·log10(max(amin, rms²)) = 20·log10(rms)</c> floored at <c>10·log10(amin)</c>.</summary>
    /// <param name="rms">RMS value.</param>
    /// <param name="amin">Power floor, default 1e-10 (-100 dB).</param>
    /// <returns>Loudness in dB.</returns>
    public static float LoudnessDb(float rms, double amin = 1e-10) =>
        (float)(10.0 * Math.Log10(Math.Max(amin, (double)rms * rms)));
}
