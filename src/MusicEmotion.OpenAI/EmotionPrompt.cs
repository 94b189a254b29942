using System.Text.Json;
using System.Text.Json.Serialization;
using MusicEmotion.Inference;
using MusicEmotion.Inference.Analysis;

namespace MusicEmotion.OpenAI;

/// <summary>Builds the user message: the summary as compact JSON (numbers rounded to 3 decimals) and a downsampled curve.</summary>
internal static class EmotionPrompt
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new RoundedDoubleConverter(), new RoundedFloatConverter() },
    };

    public static string UserMessage(EmotionTimeline timeline, EmotionSummary summary, int curvePoints)
    {
        Curve? curve = null;
        if (curvePoints > 0 && timeline.Count > 0)
        {
            int points = Math.Min(curvePoints, timeline.Count);
            EmotionVector vector = EmotionVector.From(timeline, points);
            curve = new Curve((double)timeline.Count / points, vector.Arousal, vector.Valence);
        }

        string json = JsonSerializer.Serialize(new Payload(summary, curve), Json);
        return "Describe this song from its emotion measurements (JSON). \"summary\" holds per-dimension statistics, "
            + "trends per minute, the share of time in each quadrant, the strongest moments and arousal peaks (second = "
            + "seconds from the start); \"curve\" holds arousal and valence averaged over consecutive spans of "
            + "\"secondsPerPoint\" seconds.\n"
            + json;
    }

    private sealed record Payload(EmotionSummary Summary, Curve? Curve);

    private sealed record Curve(double SecondsPerPoint, IReadOnlyList<float> Arousal, IReadOnlyList<float> Valence);

    private sealed class RoundedDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round(value, 3));
    }

    private sealed class RoundedFloatConverter : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Math.Round((double)value, 3));
    }
}
