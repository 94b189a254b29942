using MusicEmotion.Features.Extraction;
using MusicEmotion.Features.Spectral;

namespace MusicEmotion.Features.Tests;

/// <summary>Compares against fixtures from Fixtures/generate_golden.py (numpy/scipy implementation of librosa's formulas).</summary>
public class GoldenTests
{
    private static void ShouldMatch(float[] actual, float[] expected, double absolute, double relative, string what)
    {
        actual.Length.Should().Be(expected.Length, what);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = absolute + (relative * Math.Abs(expected[i]));
            ((double)Math.Abs(actual[i] - expected[i])).Should().BeLessThanOrEqualTo(tolerance, $"{what}[{i}]: {actual[i]} vs {expected[i]}");
        }
    }

    // Tolerance: 1e-6 absolute + 1e-5 relative (weights are ≤ ~0.03 for Slaney norm, ≤ 1 unnormalised).
    [Fact]
    public void Slaney_mel_weights_match_librosa_formula()
    {
        var golden = FixtureFiles.ReadFixture("mel_slaney_sr22050_nfft2048_128.npy");
        var bank = new MelFilterbank(22050, 2048, 128);
        golden.Shape.Should().Equal(128, 1025);
        ShouldMatch(bank.ToDense(), golden.ToSingleArray(), 1e-6, 1e-5, "slaney");
    }

    // Tolerance: 1e-6 absolute + 1e-5 relative.
    [Fact]
    public void Htk_unnormalised_mel_weights_match_librosa_formula()
    {
        var golden = FixtureFiles.ReadFixture("mel_htk_sr22050_nfft1024_64_fmin50_fmax8000_nonorm.npy");
        var bank = new MelFilterbank(22050, 1024, 64, 50, 8000, MelScaleKind.Htk, MelNorm.None);
        ShouldMatch(bank.ToDense(), golden.ToSingleArray(), 1e-6, 1e-5, "htk");
    }

    // Tolerance: 2e-3 dB absolute (float32 pipeline vs float64 reference).
    [Fact]
    public void Log_mel_db_matches_power_to_db()
    {
        var golden = FixtureFiles.ReadFixture("logmel64_db.npy");
        var extractor = new LogMelExtractor(new FeatureSettings { MelBands = 64 });
        FeatureMatrix logMel = extractor.Extract(FixtureFiles.GoldenSignal());
        logMel.Frames.Should().Be(golden.Rows).And.Be(87);
        ShouldMatch(logMel.Data, golden.ToSingleArray(), 2e-3, 0, "logmel");
    }

    // Tolerance: 2e-3 dB absolute; ref=2, amin=1e-6, global top_db=60 applied to the whole matrix.
    [Fact]
    public void Log_mel_db_with_reference_amin_and_top_db_matches()
    {
        var golden = FixtureFiles.ReadFixture("logmel64_db_ref2_amin1e-6_top60.npy");
        var extractor = new LogMelExtractor(new FeatureSettings { MelBands = 64, DbReference = 2.0, DbAmin = 1e-6, TopDb = 60 });
        FeatureMatrix logMel = extractor.ExtractWithTopDb(FixtureFiles.GoldenSignal());
        ShouldMatch(logMel.Data, golden.ToSingleArray(), 2e-3, 0, "logmel top_db");
    }

    // Tolerance: 2e-2 absolute + 1e-4 relative (coefficients reach several hundred; sums of 128 dB values).
    [Fact]
    public void Mfcc_matches_dct_of_power_to_db()
    {
        float[] signal = FixtureFiles.GoldenSignal();
        var extractor = new MfccExtractor();
        ShouldMatch(extractor.Extract(signal).Data, FixtureFiles.ReadFixture("mfcc20_notopdb.npy").ToSingleArray(), 2e-2, 1e-4, "mfcc");
        ShouldMatch(extractor.ExtractWithTopDb(signal).Data, FixtureFiles.ReadFixture("mfcc20_top80.npy").ToSingleArray(), 2e-2, 1e-4, "mfcc top80");
    }

    [Fact]
    public void Mel_scale_round_trips_and_matches_known_values()
    {
        // librosa.hz_to_mel(1000) = 15, hz_to_mel(440) = 6.6, hz_to_mel(440, htk=True) ≈ 549.6387; tolerance 1e-9 / 1e-4.
        MelScale.HzToMel(1000).Should().BeApproximately(15.0, 1e-9);
        MelScale.HzToMel(440).Should().BeApproximately(6.6, 1e-9);
        MelScale.HzToMel(440, MelScaleKind.Htk).Should().BeApproximately(549.6387, 1e-4);
        foreach (double hz in new[] { 0.0, 123.0, 999.0, 1000.0, 5000.0, 11025.0 })
        {
            MelScale.MelToHz(MelScale.HzToMel(hz)).Should().BeApproximately(hz, 1e-9 * Math.Max(1, hz));
            MelScale.MelToHz(MelScale.HzToMel(hz, MelScaleKind.Htk), MelScaleKind.Htk).Should().BeApproximately(hz, 1e-9 * Math.Max(1, hz));
        }
    }
}
