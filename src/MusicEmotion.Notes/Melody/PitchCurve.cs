namespace MusicEmotion.Notes.Melody;

/// <summary>What a note's pitch curve (<see cref="NoteEvent.PitchBends"/>) shows: vibrato and glissando.</summary>
/// <param name="VibratoRateHz">Oscillations per second of the pitch around its mean, or null when the note has no vibrato.</param>
/// <param name="VibratoExtentSemitones">Half the peak-to-peak swing of the vibrato, in semitones, or null when the note has no vibrato.</param>
/// <param name="GlideSemitones">
/// How far the pitch moves over the note along its trend (the least-squares line through the curve, from the first
/// point to the last, in semitones, signed: positive upwards), so a vibrato's swings do not count; 0 when the note has
/// too short a curve to tell.
/// </param>
public readonly record struct PitchCurve(double? VibratoRateHz, double? VibratoExtentSemitones, double GlideSemitones)
{
    /// <summary>The slowest oscillation counted as vibrato (Hz).</summary>
    public const double MinimumVibratoRateHz = 3;

    /// <summary>The fastest oscillation counted as vibrato (Hz).</summary>
    public const double MaximumVibratoRateHz = 9;

    /// <summary>
    /// The smallest extent counted as vibrato (semitones). The model resolves thirds of a semitone, so a vibrato shows as
    /// swings of at least ±1/3; a steady glide, seen in steps of a third, leaves ±1/6 around its trend, which is not vibrato.
    /// </summary>
    public const double MinimumVibratoExtent = 0.25;

    /// <summary>The largest extent counted as vibrato (semitones); wider swings are trills or separate notes.</summary>
    public const double MaximumVibratoExtent = 1.5;

    /// <summary>The smallest movement (semitones) that makes a note a glissando (<see cref="IsGlissando"/>).</summary>
    public const double MinimumGlideSemitones = 2.0 / 3.0;

    /// <summary>The shortest note whose curve is read (seconds): shorter ones have too few points.</summary>
    public const double MinimumNoteSeconds = 0.25;

    /// <summary>Whether the note has vibrato.</summary>
    public bool HasVibrato => VibratoRateHz is not null;

    /// <summary>Whether the note glides by at least <see cref="MinimumGlideSemitones"/>.</summary>
    public bool IsGlissando => Math.Abs(GlideSemitones) >= MinimumGlideSemitones;

    /// <summary>Reads the curve of <paramref name="note"/> (notes shorter than <see cref="MinimumNoteSeconds"/> or without pitch bends show nothing).</summary>
    public static PitchCurve Of(NoteEvent note)
    {
        ArgumentNullException.ThrowIfNull(note);
        IReadOnlyList<PitchBend> bends = note.PitchBends;
        if (note.DurationSeconds < MinimumNoteSeconds || bends.Count < 8)
        {
            return default;
        }

        // Vibrato: oscillation around the curve's trend (its straight-line fit), counted by sign changes.
        int n = bends.Count;
        double t0 = bends[0].TimeSeconds, span = bends[^1].TimeSeconds - t0;
        if (span <= 0)
        {
            return default;
        }

        double mt = bends.Average(b => b.TimeSeconds - t0), my = bends.Average(b => (double)b.Semitones);
        double sxy = 0, sxx = 0;
        foreach (PitchBend b in bends)
        {
            sxy += (b.TimeSeconds - t0 - mt) * (b.Semitones - my);
            sxx += (b.TimeSeconds - t0 - mt) * (b.TimeSeconds - t0 - mt);
        }

        double slope = sxx > 0 ? sxy / sxx : 0;
        double glide = slope * span;
        int crossings = 0, sign = 0;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (PitchBend b in bends)
        {
            double r = b.Semitones - (my + slope * (b.TimeSeconds - t0 - mt));
            low = Math.Min(low, r);
            high = Math.Max(high, r);
            int s = Math.Abs(r) < 1e-6 ? 0 : Math.Sign(r);
            if (s != 0)
            {
                if (sign != 0 && s != sign)
                {
                    crossings++;
                }

                sign = s;
            }
        }

        double rate = crossings / (2 * span);
        double extent = (high - low) / 2;
        bool vibrato = crossings >= 4 && rate is >= MinimumVibratoRateHz and <= MaximumVibratoRateHz
            && extent is >= MinimumVibratoExtent and <= MaximumVibratoExtent && n >= 8;
        return vibrato ? new PitchCurve(rate, extent, glide) : new PitchCurve(null, null, glide);
    }
}
