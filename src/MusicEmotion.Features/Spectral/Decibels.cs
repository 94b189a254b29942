using System.Numerics.Tensors;

namespace MusicEmotion.Features.Spectral;

/// <summary>Logarithmic compressions of power spectra (librosa <c>power_to_db</c> and <c>log10(1 + C·x)</c>).</summary>
internal static class Decibels
{
    /// <summary>
    /// <c>db = 10·log10(max(amin, power)) - 10·log10(max(amin, reference))</c>, element-wise, exactly
    /// <c>librosa.power_to_db(S, ref=reference, amin=amin, top_db=None)</c>. Apply <c>top_db</c> afterwards with
    /// <see cref="ApplyTopDb(Span{float}, double)"/> over the whole matrix.
    /// </summary>
    /// <param name="power">Power values.</param>
    /// <param name="db">Receives the dB values (may alias <paramref name="power"/>).</param>
    /// <param name="reference">Reference power (0 dB), default 1.0.</param>
    /// <param name="amin">Floor, default 1e-10 (-100 dB).</param>
    public static void PowerToDb(ReadOnlySpan<float> power, Span<float> db, double reference = 1.0, double amin = 1e-10)
    {
        if (db.Length < power.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(db));
        }

        if (!(amin > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(amin), amin, "amin must be strictly positive.");
        }

        if (!(reference > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, "reference must be strictly positive.");
        }

        Span<float> dest = db[..power.Length];
        TensorPrimitives.Max(power, (float)amin, dest);
        TensorPrimitives.Log10(dest, dest);
        float offset = (float)(10.0 * Math.Log10(Math.Max(amin, reference)));
        TensorPrimitives.Multiply(dest, 10f, dest);
        TensorPrimitives.Subtract(dest, offset, dest);
    }

    /// <summary>Element-wise <c>y = log10(1 + c·x)</c>.</summary>
    /// <param name="values">Non-negative values.</param>
    /// <param name="destination">Receives the result (may alias <paramref name="values"/>).</param>
    /// <param name="c">Scale <c>C</c> (default 1).</param>
    public static void Log1p10(ReadOnlySpan<float> values, Span<float> destination, double c = 1.0)
    {
        if (destination.Length < values.Length)
        {
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        }

        Span<float> dest = destination[..values.Length];
        TensorPrimitives.Multiply(values, (float)c, dest);
        TensorPrimitives.Add(dest, 1f, dest);
        TensorPrimitives.Log10(dest, dest);
    }

    /// <summary>Clips dB values in place to <c>max(db) - topDb</c>, where the maximum is over the whole span (librosa <c>top_db</c>).</summary>
    /// <param name="db">dB values (e.g. a whole matrix's data).</param>
    /// <param name="topDb">Dynamic range in dB, ≥ 0 (librosa default 80).</param>
    public static void ApplyTopDb(Span<float> db, double topDb)
    {
        if (!(topDb >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(topDb), topDb, "top_db must be non-negative.");
        }

        if (db.IsEmpty)
        {
            return;
        }

        float floor = TensorPrimitives.Max(db) - (float)topDb;
        TensorPrimitives.Max(db, floor, db);
    }

    /// <summary>
    /// Clips a whole dB matrix in place to <c>max(matrix) - topDb</c> (librosa <c>power_to_db(..., top_db)</c>). This is a
    /// whole-signal operation; streams never apply it.
    /// </summary>
    /// <param name="matrix">dB matrix.</param>
    /// <param name="topDb">Dynamic range in dB, ≥ 0 (librosa default 80).</param>
    public static void ApplyTopDb(FeatureMatrix matrix, double topDb)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ApplyTopDb(matrix.Data, topDb);
    }
}
