using System.Text;
using MusicEmotion.Features.IO;

namespace MusicEmotion.Features.Tests;

public class NpyTests
{
    [Fact]
    public void Round_trip_preserves_shape_and_values()
    {
        string dir = Directory.CreateTempSubdirectory("npy").FullName;
        try
        {
            string path = Path.Combine(dir, "m.npy");
            float[] data = Enumerable.Range(0, 15).Select(i => i * 0.25f - 1).ToArray();
            NpyWriter.Write(path, new FeatureMatrix(5, 3, data, ["a", "b", "c"], 10));
            byte[] bytes = File.ReadAllBytes(path);
            int headerLength = BitConverter.ToUInt16(bytes, 8);
            ((10 + headerLength) % 64).Should().Be(0);
            Encoding.ASCII.GetString(bytes, 10, headerLength).Should().StartWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5, 3), }").And.EndWith("\n");
            NpyArray read = NpyReader.Read(path);
            read.Shape.Should().Equal(5, 3);
            read.IsDoublePrecision.Should().BeFalse();
            read.ToSingleArray().Should().Equal(data);
            Directory.GetFiles(dir).Should().ContainSingle("the temporary file was moved, not left behind");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Reads_a_fixture_written_by_numpy()
    {
        // generate_golden.py stored the signal as a float32 1-D array with numpy.save.
        NpyArray signal = FixtureFiles.ReadFixture("signal.npy");
        signal.Shape.Should().Equal(44100);
        signal.Columns.Should().Be(1);
    }

    [Fact]
    public void Reads_little_endian_float64()
    {
        using var stream = new MemoryStream();
        WriteRaw(stream, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", BitConverter.GetBytes(1.5).Concat(BitConverter.GetBytes(-2.25)).ToArray());
        stream.Position = 0;
        NpyArray array = NpyReader.Read(stream);
        array.IsDoublePrecision.Should().BeTrue();
        array.ToDoubleArray().Should().Equal(1.5, -2.25);
    }

    [Theory]
    [InlineData("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", "dtype")]
    [InlineData("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", "dtype")]
    [InlineData("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", "Fortran")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2), }", "dimensions")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, }", "shape")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", "truncated")]
    public void Rejects_unsupported_headers(string header, string mentioned)
    {
        using var stream = new MemoryStream();
        WriteRaw(stream, header, new byte[8]);
        stream.Position = 0;
        FluentActions.Invoking(() => NpyReader.Read(stream)).Should().Throw<InvalidDataException>().WithMessage($"*{mentioned}*");
    }

    [Fact]
    public void Rejects_bad_magic()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("NOTNUMPYFILE........"));
        FluentActions.Invoking(() => NpyReader.Read(stream)).Should().Throw<InvalidDataException>().WithMessage("*magic*");
    }

    private static void WriteRaw(Stream stream, string header, byte[] payload)
    {
        string padded = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        stream.Write(BitConverter.GetBytes((ushort)padded.Length));
        stream.Write(Encoding.ASCII.GetBytes(padded));
        stream.Write(payload);
    }
}
