using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace MusicEmotion.Features.IO;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0) holding little-endian float32 (<c>'&lt;f4'</c>) or
/// float64 (<c>'&lt;f8'</c>) arrays with one or two dimensions in C order. Anything else (other dtypes, Fortran order,
/// 0-D or ≥ 3-D shapes, bad magic, truncated data) is rejected with an <see cref="InvalidDataException"/>.
/// </summary>
public static partial class NpyReader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The <c>.npy</c> file.</param>
    /// <returns>The array.</returns>
    /// <exception cref="InvalidDataException">The file is not a supported NPY array.</exception>
    public static NpyArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream);
    }

    /// <summary>Reads an array from a stream positioned at the magic string.</summary>
    /// <param name="stream">Readable stream.</param>
    /// <returns>The array.</returns>
    /// <exception cref="InvalidDataException">The content is not a supported NPY array.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> preamble = stackalloc byte[8];
        ReadExactly(stream, preamble, "preamble");
        if (preamble[0] != 0x93 || !preamble[1..6].SequenceEqual("NUMPY"u8))
        {
            throw new InvalidDataException("Not an NPY file: the magic string \\x93NUMPY is missing.");
        }

        byte major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            ReadExactly(stream, len, "header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            ReadExactly(stream, len, "header length");
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(len);
            if (length > 1 << 20)
            {
                throw new InvalidDataException($"NPY header length {length} is implausibly large.");
            }

            headerLength = (int)length;
        }
        else
        {
            throw new InvalidDataException($"Unsupported NPY format version {major}.{preamble[7]}.");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, "header");
        string header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);

        string descr = Match(DescrPattern(), header, "descr");
        bool isDouble = descr switch
        {
            "<f4" => false,
            "<f8" => true,
            _ => throw new InvalidDataException($"Unsupported NPY dtype '{descr}': only '<f4' and '<f8' are supported."),
        };
        string fortran = Match(FortranPattern(), header, "fortran_order");
        if (fortran != "False")
        {
            throw new InvalidDataException("Fortran-ordered NPY arrays are not supported (fortran_order must be False).");
        }

        string shapeText = Match(ShapePattern(), header, "shape");
        int[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out int d) && d >= 0 ? d : throw new InvalidDataException($"Invalid NPY shape dimension '{s}'."))
            .ToArray();
        if (shape.Length is < 1 or > 2)
        {
            throw new InvalidDataException($"NPY arrays must have 1 or 2 dimensions; this one has shape ({shapeText}).");
        }

        long count = shape.Aggregate(1L, (a, d) => a * d);
        int itemSize = isDouble ? 8 : 4;
        if (count * itemSize > int.MaxValue)
        {
            throw new InvalidDataException($"NPY array of {count} values is too large.");
        }

        var raw = new byte[count * itemSize];
        ReadExactly(stream, raw, "data");
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = isDouble
                ? BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * 8))
                : BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * 4));
        }

        return new NpyArray(shape, values, isDouble);
    }

    private static string Match(Regex pattern, string header, string key)
    {
        System.Text.RegularExpressions.Match m = pattern.Match(header);
        if (!m.Success)
        {
            throw new InvalidDataException($"NPY header has no valid '{key}' entry: {header.Trim()}");
        }

        return m.Groups[1].Value;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"NPY file is truncated while reading the {what}.", ex);
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
