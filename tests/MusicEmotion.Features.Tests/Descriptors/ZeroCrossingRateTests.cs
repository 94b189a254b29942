using MusicEmotion.Features.Descriptors;

namespace MusicEmotion.Features.Tests;

/// <summary>The vectorised zero-crossing count equals the plain pairwise count for every length and sign pattern.</summary>
public class ZeroCrossingRateTests
{
    private static float Reference(float[] frame)
    {
        int crossings = 0;
        for (int i = 1; i < frame.Length; i++)
        {
            crossings += (frame[i] < 0f) != (frame[i - 1] < 0f) ? 1 : 0;
        }

        return (float)crossings / frame.Length;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(2048)]
    [InlineData(2049)]
    public void Counts_like_the_pairwise_definition(int length)
    {
        var random = new Random(length);
        for (int round = 0; round < 20; round++)
        {
            float[] frame = new float[length];
            for (int i = 0; i < length; i++)
            {
                frame[i] = random.Next(6) switch
                {
                    0 => 0f,
                    1 => -0f,
                    2 => (float)random.NextDouble(),
                    3 => -(float)random.NextDouble(),
                    4 => float.NaN,
                    _ => i % 2 == 0 ? 1e-30f : -1e-30f,
                };
            }

            ZeroCrossingRate.Compute(frame).Should().Be(Reference(frame));
        }
    }

    [Fact]
    public void A_sine_crosses_twice_per_period()
    {
        float[] frame = Enumerable.Range(0, 22050).Select(i => MathF.Sin(2 * MathF.PI * 441 * (i + 0.5f) / 22050)).ToArray();

        ZeroCrossingRate.Compute(frame).Should().BeApproximately(2 * 441 / 22050f, 1e-4f);
    }
}
