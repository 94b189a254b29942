using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace MusicEmotion.Features.IO;

/// <summary>
/// Writes NumPy <c>.npy</c> files, format version 1.0: little-endian float32 (<c>'&lt;f4'</c>), C order, 2-D shape
/// <c>(rows, columns)</c>; the header dictionary is space-padded and newline-terminated so the data starts at a
/// multiple of 64 bytes. Files are written to a temporary file in the same folder and then moved over the target, so
/// no half-written file is ever left under the final name.
/// </summary>
public static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes a feature matrix as a <c>(Frames, Width)</c> float32 array.</summary>
    /// <param name="path">Destination file (replaced if it exists).</param>
    /// <param name="matrix">The matrix.</param>
    public static void Write(string path, FeatureMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Write(path, matrix.Data, matrix.Frames, matrix.Width);
    }

    /// <summary>Writes row-major data as a <c>(rows, columns)</c> float32 array.</summary>
    /// <param name="path">Destination file (replaced if it exists).</param>
    /// <param name="data">Exactly <c>rows·columns</c> values.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    public static void Write(string path, ReadOnlySpan<float> data, int rows, int columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(stream, data, rows, columns);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes a <c>(rows, columns)</c> float32 array to a stream.</summary>
    /// <param name="stream">Writable stream.</param>
    /// <param name="data">Exactly <c>rows·columns</c> values, row-major.</param>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="columns">Number of columns (≥ 0).</param>
    public static void Write(Stream stream, ReadOnlySpan<float> data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"Data length {data.Length} does not equal rows·columns = {rows}·{columns}.", nameof(data));
        }

        string dictionary = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        int unpadded = Magic.Length + 2 + 2 + dictionary.Length + 1;
        int padding = (64 - (unpadded % 64)) % 64;
        string header = dictionary + new string(' ', padding) + "\n";
        if (header.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Header too long for NPY version 1.0.");
        }

        Span<byte> preamble = stackalloc byte[10];
        Magic.CopyTo(preamble);
        preamble[6] = 1;
        preamble[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(preamble[8..], (ushort)header.Length);
        stream.Write(preamble);
        stream.Write(Encoding.ASCII.GetBytes(header));
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(data));
        }
        else
        {
            Span<byte> buffer = stackalloc byte[4];
            foreach (float v in data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, v);
                stream.Write(buffer);
            }
        }
    }
}
