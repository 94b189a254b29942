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

    // The JSON written by ToJson is a file format (model cards embed it, `mer features --settings` reads it): these
    // are the exact bytes, so a change of serialiser (reflection to source generation, for Native AOT) or of options
    // cannot change it unnoticed.
    [Fact]
    public void Json_text_of_the_defaults_is_unchanged()
    {
        const string expected = """
            {
              "sampleRate": 22050,
              "fftSize": 2048,
              "hopLength": 512,
              "windowLength": null,
              "window": "hann",
              "center": true,
              "padMode": "constant",
              "melBands": 128,
              "fMin": 0,
              "fMax": null,
              "melScale": "slaney",
              "melNorm": "slaney",
              "logScale": "decibels",
              "dbReference": 1,
              "dbAmin": 1E-10,
              "topDb": 80,
              "log1pC": 1,
              "mfccCount": 20,
              "rollOffPercent": 0.85,
              "onsetFloorDb": -80,
              "chromaFMin": 55,
              "chromaFMax": 5000,
              "tuningFrequency": 440,
              "tempoMinBpm": 30,
              "tempoMaxBpm": 300,
              "tempoPriorBpm": 120,
              "tempoPriorOctaves": 1
            }
            """;
        new FeatureSettings().ToJson().Should().Be(expected.ReplaceLineEndings(Environment.NewLine));
    }

    [Fact]
    public void Json_text_of_changed_settings_is_unchanged()
    {
        var s = new FeatureSettings
        {
            SampleRate = 16000, FftSize = 1024, HopLength = 160, WindowLength = 400, Window = WindowFunction.Rectangular,
            Center = false, PadMode = PadMode.Reflect, FMin = 20.5, FMax = 7600, MelScale = MelScaleKind.Htk,
            MelNorm = MelNorm.None, LogScale = LogScaleKind.Log1p, TopDb = null, DbAmin = 1e-6, MfccCount = 13,
        };
        string json = s.ToJson();
        json.Should().Contain("\"windowLength\": 400,").And.Contain("\"window\": \"rectangular\",")
            .And.Contain("\"center\": false,").And.Contain("\"fMin\": 20.5,").And.Contain("\"fMax\": 7600,")
            .And.Contain("\"melNorm\": \"none\",").And.Contain("\"logScale\": \"log1p\",").And.Contain("\"topDb\": null,")
            .And.Contain("\"dbAmin\": 1E-06,");
        json.Should().NotContain("effectiveWindowLength").And.NotContain("frequencyBins").And.NotContain("frameRate");
    }

    [Fact]
    public void Absent_properties_take_their_defaults()
    {
        FeatureSettings.FromJson("{}").Should().Be(new FeatureSettings());
        FeatureSettings.FromJson(" { \"melBands\": 64, \"topDb\": null }\n").Should().Be(new FeatureSettings { MelBands = 64, TopDb = null });
        FeatureSettings.FromJson("{\"HopLength\": 256}").Should().Be(new FeatureSettings(), "names are case-sensitive; unknown ones are ignored");
        FeatureSettings.FromJson("{\"hopLength\": 256, \"hopLength\": 128}").Should().Be(new FeatureSettings { HopLength = 128 });
        FeatureSettings.FromJson("{ /* a comment */ \"hopLength\": 256, }").Should().Be(new FeatureSettings { HopLength = 256 }, "comments and trailing commas are allowed");
        FeatureSettings.FromJson("{\"window\": \"Hamming\", \"frameRate\": 1}").Should().Be(new FeatureSettings { Window = WindowFunction.Hamming }, "enum names in any case; computed properties are ignored");
    }

    [Fact]
    public void Errors_name_the_property_and_what_it_takes()
    {
        FluentActions.Invoking(() => FeatureSettings.FromJson("{\n  \"melBands\": 64,\n  \"window\": 2\n}"))
            .Should().Throw<ArgumentException>().WithMessage("*$.window must be one of hann, *");
        FluentActions.Invoking(() => FeatureSettings.FromJson("{\"hopLength\": \"256\"}"))
            .Should().Throw<ArgumentException>().WithMessage("*$.hopLength must be a whole number*");
        FluentActions.Invoking(() => FeatureSettings.FromJson("[1]")).Should().Throw<ArgumentException>().WithMessage("*JSON*");
        FluentActions.Invoking(() => FeatureSettings.FromJson("{\"hopLength\": 256")).Should().Throw<ArgumentException>().WithMessage("*JSON*");
    }

    [Theory]
    [InlineData("{\"window\": 1}")]
    [InlineData("{\"window\": \"1\"}")]
    [InlineData("{\"padMode\": \"mirror\"}")]
    public void Enums_are_read_only_as_their_names(string json)
    {
        FluentActions.Invoking(() => FeatureSettings.FromJson(json)).Should().Throw<ArgumentException>().WithMessage("*JSON*");
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
