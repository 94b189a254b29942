using MusicEmotion.Inference.Cards;

namespace MusicEmotion.Inference.Tests.Cards;

public class OutputMappingTests
{
    [Theory]
    [InlineData(0.1f, 0.7)]    // 0.5 + 2·0.1
    [InlineData(-0.5f, -0.5)]  // 0.5 − 1
    [InlineData(0.25f, 1.0)]   // exactly 1
    [InlineData(1f, 1.0)]      // 2.5 clamped
    [InlineData(-5f, -1.0)]    // −9.5 clamped
    public void Affine_is_offset_plus_scale_times_x_clamped(float x, double expected)
    {
        var mapping = new OutputMapping { Scale = [2.0, 1.0], Offset = [0.5, 0.0] };
        mapping.Apply(0, x).Should().BeApproximately((float)expected, 1e-6f);
    }

    [Fact]
    public void Each_dimension_uses_its_own_scale_and_offset()
    {
        var mapping = new OutputMapping { Scale = [0.25, 0.5], Offset = [-1.25, 0.1] };
        mapping.Apply(0, 9f).Should().BeApproximately(1.0f, 1e-6f);   // a [1, 9] rating: 9 → +1
        mapping.Apply(0, 1f).Should().BeApproximately(-1.0f, 1e-6f);  // 1 → −1
        mapping.Apply(0, 5f).Should().BeApproximately(0.0f, 1e-6f);
        mapping.Apply(1, 0.6f).Should().BeApproximately(0.4f, 1e-6f);
    }

    [Theory]
    [InlineData(0f, 0.1)]
    [InlineData(1f, 0.6)]
    [InlineData(-3f, -1.4)]
    [InlineData(100f, 50.1)]
    public void Tanh_applies_tanh_to_the_affine_value(float x, double inner)
    {
        var mapping = new OutputMapping { Kind = OutputMappingKind.Tanh, Scale = [0.5, 0.5], Offset = [0.1, 0.1] };
        mapping.Apply(1, x).Should().BeApproximately((float)Math.Tanh(inner), 1e-6f);
        mapping.Apply(1, x).Should().BeInRange(-1f, 1f);
    }

    [Theory]
    [InlineData(OutputMappingKind.Affine)]
    [InlineData(OutputMappingKind.Tanh)]
    internal void NaN_maps_to_zero(OutputMappingKind kind)
    {
        var mapping = new OutputMapping { Kind = kind, Scale = [0.5, 0.5], Offset = [0.3, 0.3] };
        mapping.Apply(0, float.NaN).Should().Be(0f);
    }

    [Fact]
    public void Infinities_map_to_the_ends()
    {
        var affine = new OutputMapping();
        affine.Apply(0, float.PositiveInfinity).Should().Be(1f);
        affine.Apply(1, float.NegativeInfinity).Should().Be(-1f);
        var tanh = new OutputMapping { Kind = OutputMappingKind.Tanh };
        tanh.Apply(0, float.PositiveInfinity).Should().Be(1f);
        tanh.Apply(1, float.NegativeInfinity).Should().Be(-1f);
    }

    [Fact]
    public void Default_is_identity_on_the_unit_interval()
    {
        var mapping = new OutputMapping();
        mapping.Apply(0, 0.375f).Should().Be(0.375f);
        mapping.Apply(1, -0.875f).Should().Be(-0.875f);
    }
}
