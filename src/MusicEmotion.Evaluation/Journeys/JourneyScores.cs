namespace MusicEmotion.Evaluation.Journeys;

/// <summary>Path error and mean hand-over jump of one ordering of songs.</summary>
internal sealed record JourneyScores(double PathError, double HandOverJump);

/// <summary>One path of the benchmark: the planned journey against the same songs in random order and in the best order by song means.</summary>
internal sealed record JourneyPathResult(string From, string To, JourneyScores Planned, JourneyScores RandomOrder, JourneyScores MeansOrder);
