using MusicEmotion.Inference;
using MusicEmotion.Inference.Cards;
using MusicEmotion.Inference.Models;
using MusicEmotion.Recommend.Recommending;
using MusicEmotion.Recommend.Tests.TestSupport;
using MusicEmotion.Recommend.Tracks;
using MusicEmotion.Recommend.Vectors;

namespace MusicEmotion.Recommend.Tests.Vectors;

/// <summary>The shipped reference statistics, their file format, and how small catalogs are blended with them.</summary>
public sealed class ReferenceStatisticsTests
{
    [Theory]
    [InlineData("emotion-model.card.json")]
    [InlineData("emotion-model-notes.card.json")]
    public void Every_shipped_model_has_its_reference_from_a_broad_set_of_music(string card)
    {
        using Stream? cardJson = typeof(EmotionAnalyzer).Assembly.GetManifestResourceStream("MusicEmotion.Inference.ShippedModel." + card);
        cardJson.Should().NotBeNull($"the package ships {card}");
        ModelCard model = ModelCard.FromJson(new StreamReader(cardJson!).ReadToEnd(), card);

        CatalogStatistics? reference = ReferenceStatistics.ShippedFor(model.Name, model.Version);

        reference.Should().NotBeNull(
            $"no shipped reference was computed with {model.Name} {model.Version} (there are: {string.Join(", ", ReferenceStatistics.ShippedAll.Select(r => $"{r.ModelName} {r.ModelVersion}"))}): "
            + "run scripts/reference-statistics.sh for the new model");
        reference!.TrackCount.Should().BeGreaterThanOrEqualTo(500, "a reference stands for music in general");
        reference.ArcLength.Should().Be(TrackVectorOptions.DefaultArcLength);
        reference.Descriptors.Mean[Features.Descriptors.TrackDescriptors.IndexOf("tempo_bpm")].Should().BeInRange(80, 160);
        reference.EmotionStatistics.Mean[0].Should().BeInRange(-1, 1);
        reference.EmotionStatistics.StandardDeviation.Should().OnlyContain(s => s > 0);
        new RecommenderOptions().ReferenceStatistics.Should().Contain(reference);
        if (model.Features.Kinds.Contains("notes"))
        {
            reference.Melody.Should().NotBeNull("the note-aware model's tracks have a melody block, and its reference covers it");
            reference.Melody!.StandardDeviation.Should().HaveCount(TrackVectorBlocks.MelodyNames.Count).And.OnlyContain(s => s > 0);
        }
        else
        {
            reference.Melody.Should().BeNull("the audio-only model's tracks have no melody block");
        }
    }

    [Fact]
    public void The_audio_model_reference_comes_first()
    {
        using IEmotionModel model = EmotionAnalyzer.LoadModel(new EmotionAnalyzerOptions { PreferNotesModel = false });

        ReferenceStatistics.Shipped.IsFor(model.Card.Name, model.Card.Version).Should().BeTrue();
        ReferenceStatistics.ShippedAll[0].Should().BeSameAs(ReferenceStatistics.Shipped);
    }

    [Fact]
    public void A_reference_with_a_melody_block_reads_back_with_it_and_blends_it()
    {
        CatalogStatistics statistics = Build(12, melody: true);
        using var file = new MemoryStream();
        ReferenceStatistics.Write(statistics, file);
        file.Position = 0;
        CatalogStatistics read = ReferenceStatistics.Read(file);

        read.Melody!.Mean.Should().Equal(statistics.Melody!.Mean);
        read.Melody.StandardDeviation.Should().Equal(statistics.Melody.StandardDeviation);
        System.Text.Encoding.UTF8.GetString(file.ToArray()).Should().Contain("\"melody.range_mean\"");

        CatalogStatistics own = Build(50, seed: 2, offset: 3, melody: true);
        CatalogStatistics blended = StatisticsBlend.Apply(own, read with { TrackCount = 700 }, ownFrom: 100);
        blended.Melody!.Mean[2].Should().BeApproximately((own.Melody!.Mean[2] + read.Melody.Mean[2]) / 2, 1e-4f);
        StatisticsBlend.Apply(own, Build(12) with { TrackCount = 700 }, ownFrom: 100).Melody.Should().BeSameAs(own.Melody, "a reference without the block leaves the catalog's own");
    }

    [Fact]
    public void A_written_reference_reads_back_the_same()
    {
        CatalogStatistics statistics = Build(12);
        using var file = new MemoryStream();

        ReferenceStatistics.Write(statistics, file, "twelve test tracks");
        file.Position = 0;
        CatalogStatistics read = ReferenceStatistics.Read(file);

        read.IsFor(statistics.ModelName, statistics.ModelVersion).Should().BeTrue();
        read.TrackCount.Should().Be(12);
        read.ArcLength.Should().Be(statistics.ArcLength);
        read.Descriptors.Mean.Should().Equal(statistics.Descriptors.Mean);
        read.EmotionStatistics.StandardDeviation.Should().Equal(statistics.EmotionStatistics.StandardDeviation);
        read.EmotionArc.StandardDeviation.Should().Equal(statistics.EmotionArc.StandardDeviation);
        System.Text.Encoding.UTF8.GetString(file.ToArray()).Should().Contain("\"sources\": \"twelve test tracks\"").And.Contain("\"tempo_bpm\"");
    }

    [Fact]
    public void Something_else_is_refused_with_the_reason()
    {
        using var other = new MemoryStream("{\"format\": \"something/2\"}"u8.ToArray());
        using var broken = new MemoryStream("{\"format\": "u8.ToArray());

        FluentActions.Invoking(() => ReferenceStatistics.Read(other)).Should().Throw<FormatException>().WithMessage("*something/2*");
        FluentActions.Invoking(() => ReferenceStatistics.Read(broken)).Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2, 0.98)]
    [InlineData(50, 0.5)]
    [InlineData(100, 0.0)]
    [InlineData(5000, 0.0)]
    public void The_reference_share_falls_linearly_to_zero_at_the_size_where_own_statistics_take_over(int tracks, double share) =>
        StatisticsBlend.ReferenceShare(tracks, ownFrom: 100).Should().BeApproximately(share, 1e-12);

    [Fact]
    public void A_blend_is_the_mixture_of_the_two_and_the_catalog_alone_from_the_documented_size_on()
    {
        CatalogStatistics reference = Build(40, seed: 1, offset: 0) with { TrackCount = 700 };
        CatalogStatistics half = Build(50, seed: 2, offset: 3);
        CatalogStatistics large = Build(100, seed: 3, offset: 3);

        CatalogStatistics blended = StatisticsBlend.Apply(half, reference, ownFrom: 100);

        for (int i = 0; i < 5; i++)
        {
            double mc = half.Descriptors.Mean[i], mr = reference.Descriptors.Mean[i], sc = half.Descriptors.StandardDeviation[i], sr = reference.Descriptors.StandardDeviation[i];
            double m = (mc + mr) / 2;
            blended.Descriptors.Mean[i].Should().BeApproximately((float)m, 1e-4f);
            double expected = Math.Sqrt((0.5 * ((sc * sc) + ((mc - m) * (mc - m)))) + (0.5 * ((sr * sr) + ((mr - m) * (mr - m)))));
            blended.Descriptors.StandardDeviation[i].Should().BeApproximately((float)expected, 1e-4f);
        }

        StatisticsBlend.Apply(large, reference, ownFrom: 100).Should().BeSameAs(large);
        StatisticsBlend.Apply(half, reference, ownFrom: 0).Should().BeSameAs(half, "0 turns the blend off");
        StatisticsBlend.Apply(half, reference with { ModelVersion = "9.9.9" }, ownFrom: 100).Should().BeSameAs(half, "a reference of another model is not used");
    }

    private static CatalogStatistics Build(int tracks, int seed = 7, float offset = 0, bool melody = false)
    {
        var builder = new CatalogStatisticsBuilder(TestTracks.Model, TestTracks.Version, TrackVectorOptions.DefaultArcLength);
        for (int i = 0; i < tracks; i++)
        {
            float[] sound = TestTracks.Sound((seed * 1000) + i, 55).Select(v => v + offset).ToArray();
            builder.Add(TestTracks.Make($"t{i}", sound, TestTracks.Ramp(-0.5f + (i / 100f), 0.4f), TestTracks.Flat(0.1f * (i % 5)),
                melody: melody ? TestTracks.Melody((seed * 1000) + i) : null).Blocks);
        }

        return builder.Build();
    }
}
