using System.Buffers.Binary;
using System.Text;

namespace MusicEmotion.Inference.Tests.Extensibility;

/// <summary>
/// Writes a tiny ONNX model byte by byte (the protobuf wire format of onnx.proto, opset 13), so a test can make the model
/// it needs without Python: input <c>features</c> [batch, frames, width] → the mean over frames of the last two columns
/// → output <c>arousal_valence</c> [batch, 2].
/// </summary>
internal static class TinyOnnxModel
{
    private const int Float = 1;
    private const int Int64 = 7;
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    public static byte[] MeanOfLastTwoColumns(int width)
    {
        byte[] reduce = Message(
            Text(1, "features"), Text(2, "mean"), Text(3, "reduce"), Text(4, "ReduceMean"),
            Bytes(5, Message(Text(1, "axes"), Varint(8, 1), Varint(20, AttributeInts))),
            Bytes(5, Message(Text(1, "keepdims"), Varint(3, 0), Varint(20, AttributeInt))));
        byte[] slice = Message(
            Text(1, "mean"), Text(1, "starts"), Text(1, "ends"), Text(1, "axes"), Text(2, "arousal_valence"),
            Text(3, "slice"), Text(4, "Slice"));
        byte[] graph = Message(
            Bytes(1, reduce), Bytes(1, slice), Text(2, "plug-test"),
            Bytes(5, Int64Tensor("starts", width - 2)), Bytes(5, Int64Tensor("ends", width)), Bytes(5, Int64Tensor("axes", 1)),
            Bytes(11, FloatTensorInfo("features", Dim("batch"), Dim("frames"), Dim(width))),
            Bytes(12, FloatTensorInfo("arousal_valence", Dim("batch"), Dim(2))));
        return Message(
            Varint(1, 7), Text(2, "musicemotion-tests"), Bytes(7, graph),
            Bytes(8, Message(Text(1, string.Empty), Varint(2, 13))));
    }

    private static byte[] Int64Tensor(string name, long value)
    {
        byte[] raw = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(raw, value);
        return Message(Varint(1, 1), Varint(2, Int64), Text(8, name), Bytes(9, raw));
    }

    private static byte[] FloatTensorInfo(string name, params byte[][] dims)
    {
        byte[] shape = Message(dims.Select(d => Bytes(1, d)).ToArray());
        byte[] tensor = Message(Varint(1, Float), Bytes(2, shape));
        return Message(Text(1, name), Bytes(2, Message(Bytes(1, tensor))));
    }

    private static byte[] Dim(long size) => Message(Varint(1, size));

    private static byte[] Dim(string symbol) => Message(Text(2, symbol));

    private static byte[] Message(params byte[][] fields) => fields.SelectMany(f => f).ToArray();

    private static byte[] Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => [.. Key(field, 2), .. VarintBytes((ulong)value.Length), .. value];

    private static byte[] Varint(int field, long value) => [.. Key(field, 0), .. VarintBytes((ulong)value)];

    private static byte[] Key(int field, int wireType) => VarintBytes((ulong)((field << 3) | wireType));

    private static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return bytes.ToArray();
    }
}
