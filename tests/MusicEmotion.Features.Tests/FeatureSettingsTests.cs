namespace MusicEmotion.Features.Tests;

public class FeatureSettingsTests
{
    [Fact]
    public void Defaults_are_librosa_defaults()
    {
        var s = new FeatureSettings();
        (s.SampleRate, s.FftSize, s.HopLength, s.WindowLength, s.Center, s.MelBands).Should().Be((22050, 2048, 512, (int?)null, true, 128));
        (s.Window, s.PadMode, s.MelScale, s.MelNorm, s.LogScale).Should().Be((WindowFunction.Hann, PadMode.Constant, MelScaleKind.Slaney, MelNorm.Slaney, LogScaleKind.Decibels));
        (s.DbReference, s.DbAmin, s.TopDb, s.MfccCount, s.RollOffPercent).Should().Be((1.0, 1e-10, (double?)80.0, 20, 0.85));
        s.EffectiveFMax.Should().Be(11025);
        s.FrameCount(22050).Should().Be(44);
    }

    [Fact]
    public void Json_round_trip_preserves_every_property()
    {
        var s = new FeatureSettings
        {
            SampleRate = 16000, FftSize = 1024, HopLength = 160, WindowLength = 400, Window = WindowFunction.Hamming,
            Center = false, PadMode = PadMode.Reflect, MelBands = 64, FMin = 20, FMax = 7600, MelScale = MelScaleKind.Htk,
            MelNorm = MelNorm.None, LogScale = LogScaleKind.Log1p, DbReference = 2, DbAmin = 1e-6, TopDb = null, Log1pC = 1000,
            MfccCount = 13, RollOffPercent = 0.9,
        };
        string json = s.ToJson();
        json.Should().Contain("\"melScale\": \"htk\"").And.Contain("\"padMode\": \"reflect\"").And.Contain("\"fftSize\": 1024");
        FeatureSettings.FromJson(json).Should().Be(s);
        FeatureSettings.FromJson(new FeatureSettings().ToJson()).Should().Be(new FeatureSettings());
        FeatureSettings.FromJson("{\"hopLength\": 256}").Should().Be(new FeatureSettings { HopLength = 256 });
    }

    [Theory]
    [InlineData("{\"hopLength\": 0}", "HopLength")]
    [InlineData("{\"fftSize\": 1000}", "FftSize")]
    [InlineData("{\"fMax\": 12000}", "FMax")]
    [InlineData("{\"windowLength\": 4096}", "WindowLength")]
    [InlineData("{\"mfccCount\": 500}", "MfccCount")]
    [InlineData("{\"sampleRate\": -1}", "SampleRate")]
    [InlineData("{\"window\": \"triangle\"}", "JSON")]
    [InlineData("null", "null")]
    public void Invalid_settings_are_rejected_with_a_clear_message(string json, string mentioned)
    {
        FluentActions.Invoking(() => FeatureSettings.FromJson(json)).Should().Throw<ArgumentException>().WithMessage($"*{mentioned}*");
    }

    [Fact]
    public void Validate_rejects_nonsense()
    {
        FluentActions.Invoking(() => new FeatureSettings { HopLength = 0 }.Validate()).Should().Throw<ArgumentException>().WithMessage("*HopLength*");
        FluentActions.Invoking(() => new FeatureSettings { FMin = 5000, FMax = 4000 }.Validate()).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new FeatureSettings { RollOffPercent = 1.5 }.Validate()).Should().Throw<ArgumentException>();
    }
}
