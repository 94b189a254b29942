namespace MusicEmotion.Inference.Cards;

/// <summary>The model's input tensor.</summary>
internal sealed record ModelInputSpec
{
    /// <summary>Input name in the ONNX graph. Default "features".</summary>
    public string Name { get; init; } = "features";

    /// <summary>Tensor layout: always "batch,frames,features".</summary>
    public string Layout { get; init; } = "batch,frames,features";
}
