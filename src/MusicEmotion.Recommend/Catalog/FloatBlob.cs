using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MusicEmotion.Recommend.Catalog;

/// <summary>Float arrays as little-endian IEEE 754 bytes, the catalog's storage format for curves and vectors.</summary>
internal static class FloatBlob
{
    public static byte[] ToBytes(IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * sizeof(float)];
        for (int i = 0; i < values.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return bytes;
    }

    /// <summary>Reads the floats back; null when the length is not a multiple of 4 or a value is not finite.</summary>
    public static float[]? FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            return null;
        }

        var values = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
            }
        }

        return Array.TrueForAll(values, float.IsFinite) ? values : null;
    }
}
