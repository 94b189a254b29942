using MusicEmotion.Features.IO;

namespace MusicEmotion.Features.Tests;

/// <summary>The golden fixtures (.npy files written by the Python reference) copied beside the tests.</summary>
internal static class FixtureFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static NpyArray ReadFixture(string name) => NpyReader.Read(Fixture(name));

    public static float[] GoldenSignal() => ReadFixture("signal.npy").ToSingleArray();
}
